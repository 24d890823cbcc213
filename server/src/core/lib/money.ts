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
  const parts: MoneyTextParts = { wholeDigits: 0, whole: 0, fraction: 0 };
  if (!readMoneyText(text, parts)) return undefined;
  return BigInt(text.slice(0, parts.wholeDigits)) * SCALE_UNIT + BigInt(parts.fraction);
}

/** 10^(MONEY_SCALE - k) for k = 0..MONEY_SCALE: scales a fraction of k digits to 10^-MONEY_SCALE units. */
const FRACTION_SCALE = Array.from({ length: MONEY_SCALE + 1 }, (_, k) => 10 ** (MONEY_SCALE - k));

/** A money text read by readMoneyText; `whole` is exact only up to 15 digits. */
interface MoneyTextParts {
  wholeDigits: number;
  whole: number;
  fraction: number;
}

/**
 * The one reading of a scaled money text: digits, then optionally "." and 1 to MONEY_SCALE
 * digits; nothing else. Fills `parts` (the fraction in 10^-MONEY_SCALE units, always exact) and
 * answers whether the text is one. By character code, into a caller's object: MoneySum reads
 * thousands of texts per request with it.
 */
function readMoneyText(text: string, parts: MoneyTextParts): boolean {
  const length = text.length;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0) return false;
  parts.wholeDigits = i;
  parts.whole = whole;
  parts.fraction = 0;
  if (i === length) return true;
  if (text.charCodeAt(i) !== 46 /* . */) return false;
  const digits = length - i - 1;
  if (digits === 0 || digits > MONEY_SCALE) return false;
  let fraction = 0;
  for (i++; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    fraction = fraction * 10 + digit;
  }
  parts.fraction = fraction * FRACTION_SCALE[digits]!;
  return true;
}

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

const SAFE_PART = 2 ** 52;

/**
 * An exact running total of money texts, for sums over thousands of values (a year of daily
 * points, where a decimal or BigInt operation per value was most of the work). Each text is read
 * (readMoneyText) into its whole part (up to 15 digits) and its fraction in 10^-MONEY_SCALE USD;
 * both are summed as integers in doubles, which are exact below 2^53, and moved into a BigInt
 * before either sum passes 2^52 (each part is below 2^50). Text these parts cannot hold (more
 * decimals, a sign, an exponent) is summed as a decimal instead, so the total is always exact.
 */
export class MoneySum {
  private whole = 0;
  private fraction = 0;
  private scaled = 0n;
  private rest: Money | null = null;
  private readonly parts: MoneyTextParts = { wholeDigits: 0, whole: 0, fraction: 0 };

  add(text: string): void {
    const parts = this.parts;
    if (!readMoneyText(text, parts) || parts.wholeDigits > 15) {
      this.rest = (this.rest ?? ZERO).plus(text);
      return;
    }
    this.whole += parts.whole;
    this.fraction += parts.fraction;
    if (this.whole >= SAFE_PART || this.fraction >= SAFE_PART) this.fold();
  }

  /** The exact total as formatMoney's text. */
  total(): string {
    this.fold();
    return this.rest === null ? formatScaledMoney(this.scaled) : formatMoney(this.rest.plus(formatScaledMoney(this.scaled)));
  }

  /** < 0, 0 or > 0 as this total is below, equal to or above the other's. */
  compare(other: MoneySum): number {
    this.fold();
    other.fold();
    if (this.rest === null && other.rest === null) return this.scaled < other.scaled ? -1 : this.scaled > other.scaled ? 1 : 0;
    return money(this.total()).comparedTo(other.total());
  }

  private fold(): void {
    this.scaled += BigInt(this.whole) * SCALE_UNIT + BigInt(this.fraction);
    this.whole = 0;
    this.fraction = 0;
  }
}
