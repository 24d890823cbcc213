import { Decimal } from 'decimal.js';

/**
 * Money is exact: decimal.js with ample precision, never binary floats. A priced event's cost is
 * rounded once to MONEY_SCALE decimals (half-up); every total after that is an exact sum.
 */
export const MONEY_SCALE = 12;

export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Money = Decimal;

export const ZERO = new Money(0);

export function money(value: Decimal.Value): Money {
  return new Money(value);
}

export function roundCost(value: Money): Money {
  return value.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
}

/** Canonical text for the API: no exponent, no trailing zeros ("0.0315", "7.2", "0"). */
export function formatMoney(value: Decimal.Value): string {
  const decimal = new Money(value);
  if (decimal.isZero()) return '0';
  return decimal.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** True for a plain decimal literal such as "12", "0.5", "-3.25" (no exponent, no spaces). */
export function isDecimalLiteral(text: string): boolean {
  return /^-?(0|[1-9]\d{0,17})(\.\d{1,12})?$/.test(text);
}
