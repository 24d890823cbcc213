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

/**
 * Money as an integer of 10^-MONEY_SCALE USD, for hot arithmetic that must stay exact (pricing):
 * the amount of a non-negative decimal text with at most MONEY_SCALE decimals ("0.00015",
 * "0.050", "3"), or undefined when it has more decimals or is not such a text.
 */
export function parseScaledMoney(text: string): bigint | undefined {
  const match = SCALED_TEXT.exec(text);
  if (!match) return undefined;
  return BigInt(match[1]! + (match[2] ?? '').padEnd(MONEY_SCALE, '0'));
}

const SCALED_TEXT = new RegExp(`^(\\d+)(?:\\.(\\d{1,${MONEY_SCALE}}))?$`);
const SCALE_UNIT = 10n ** BigInt(MONEY_SCALE);

/** formatMoney's text of an integer of 10^-MONEY_SCALE USD (>= 0): "0.0315", "7.2", "0". */
export function formatScaledMoney(scaled: bigint): string {
  const whole = (scaled / SCALE_UNIT).toString();
  const fraction = (scaled % SCALE_UNIT).toString().padStart(MONEY_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** True for a plain decimal literal such as "12", "0.5", "-3.25" (no exponent, no spaces). */
export function isDecimalLiteral(text: string): boolean {
  return /^-?(0|[1-9]\d{0,17})(\.\d{1,12})?$/.test(text);
}
