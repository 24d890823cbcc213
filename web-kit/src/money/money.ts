// Exact decimal arithmetic and USD formatting on the API's Decimal strings ("0.0315", "1234.5").
// Money never goes through Number()/parseFloat: a binary float turns 0.1 + 0.2 into
// 0.30000000000000004 and silently drops digits past 2^53, which a bill must not do. A string is
// parsed into a scaled BigInt (value = units / 10^scale) and every sum, difference and
// percentage is done on those.

/** A decimal as a signed unscaled integer: value = units / 10^scale. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * A Decimal string, or a JS number the API sends as a Float (counts, QuotaUsage.used/limit,
 * alert values). A number is read through String(n), the shortest text that round-trips to the
 * same double, i.e. the digits the server wrote.
 */
export type DecimalInput = string | number;

const DECIMAL_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Sub-dollar amounts keep up to this many decimals ($0.0315, $0.000123). */
const SUB_DOLLAR_DECIMALS = 6;
/** Amounts too small for SUB_DOLLAR_DECIMALS keep this many significant digits instead of showing $0.00. */
const TINY_SIGNIFICANT_DIGITS = 2;

export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`Not a decimal number: "${text}"`);
  }
  const [, sign, intPart, fracPart = '', exponent] = match;
  let digits = intPart + fracPart || '0';
  let scale = fracPart.length - (exponent ? Number.parseInt(exponent, 10) : 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const units = BigInt(digits);
  return { units: sign === '-' ? -units : units, scale };
}

export function toScaled(value: DecimalInput | ScaledDecimal): ScaledDecimal {
  if (typeof value === 'object') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
    return parseDecimal(String(value));
  }
  return parseDecimal(value);
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Integer division rounding half away from zero (the way amounts are rounded on invoices). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = abs(numerator);
  const d = abs(denominator);
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** The units of `value` at `scale`, rounded half away from zero when the scale shrinks. */
export function rescale(value: ScaledDecimal, scale: number): bigint {
  if (scale >= value.scale) return value.units * pow10(scale - value.scale);
  return divideRounded(value.units, pow10(value.scale - scale));
}

/** Rounds to `decimals` fractional digits, half away from zero. */
export function roundDecimal(value: ScaledDecimal, decimals: number): ScaledDecimal {
  if (value.scale <= decimals) return value;
  return { units: rescale(value, decimals), scale: decimals };
}

function toFixed(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = abs(units)
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return (negative ? '-' : '') + whole + (decimals > 0 ? `.${fraction}` : '');
}

function trimFraction(fixed: string, minDecimals: number): string {
  const point = fixed.indexOf('.');
  if (point < 0) return fixed;
  let end = fixed.length;
  while (end > point + 1 + minDecimals && fixed[end - 1] === '0') end -= 1;
  if (end === point + 1) end = point;
  return fixed.slice(0, end);
}

/** A plain decimal string with trailing zeros removed ("12.5", "-0.0315", "0"). */
export function toDecimalString(value: ScaledDecimal): string {
  const text = trimFraction(toFixed(value.units, value.scale), 0);
  return text === '-0' ? '0' : text;
}

function aligned(values: readonly DecimalInput[]): { units: bigint[]; scale: number } {
  const parsed = values.map((v) => toScaled(v));
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  return { units: parsed.map((p) => rescale(p, scale)), scale };
}

export function addDecimals(...values: DecimalInput[]): string {
  const { units, scale } = aligned(values);
  return toDecimalString({ units: units.reduce((sum, u) => sum + u, 0n), scale });
}

export function sumDecimals(values: readonly DecimalInput[]): string {
  return addDecimals(...values);
}

export function subtractDecimals(minuend: DecimalInput, subtrahend: DecimalInput): string {
  const {
    units: [a, b],
    scale,
  } = aligned([minuend, subtrahend]);
  return toDecimalString({ units: a - b, scale });
}

export function compareDecimals(a: DecimalInput, b: DecimalInput): -1 | 0 | 1 {
  const {
    units: [x, y],
  } = aligned([a, b]);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function decimalSign(value: DecimalInput): -1 | 0 | 1 {
  const { units } = toScaled(value);
  return units === 0n ? 0 : units < 0n ? -1 : 1;
}

export function isZeroDecimal(value: DecimalInput): boolean {
  return decimalSign(value) === 0;
}

/** The absolute value, as a decimal string. */
export function absDecimal(value: DecimalInput): string {
  const d = toScaled(value);
  return toDecimalString({ units: abs(d.units), scale: d.scale });
}

/**
 * part / whole × 100 as a decimal string rounded to `decimals` places (half away from zero);
 * null when whole is zero, where a percentage means nothing.
 */
export function percentOf(part: DecimalInput, whole: DecimalInput, decimals = 1): string | null {
  const {
    units: [p, w],
  } = aligned([part, whole]);
  if (w === 0n) return null;
  return toDecimalString({ units: divideRounded(p * 100n * pow10(decimals), w), scale: decimals });
}

/** An API Float (a money amount the API sends as Float) as its decimal digits, exponents expanded. */
export function floatToDecimal(value: number): string {
  return toDecimalString(toScaled(value));
}

export function groupThousands(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function formatMagnitude(value: ScaledDecimal): string {
  const one = pow10(value.scale);
  if (value.units === 0n) return '$0.00';
  if (value.units < one) {
    let decimals = SUB_DOLLAR_DECIMALS;
    let rounded = rescale(value, decimals);
    if (rounded === 0n) {
      const leadingZeros = value.scale - value.units.toString().length;
      decimals = leadingZeros + TINY_SIGNIFICANT_DIGITS;
      rounded = rescale(value, decimals);
    }
    // 0.9999996 rounds up to a whole dollar: fall through to the cents format.
    if (rounded < pow10(decimals)) return `$${trimFraction(toFixed(rounded, decimals), 2)}`;
  }
  return `$${groupThousands(toFixed(rescale(value, 2), 2))}`;
}

/**
 * USD for display: "$1,234.56"; amounts under a dollar keep their significant digits ("$0.0315",
 * "$0.000123", at most 6 decimals unless the amount would otherwise read as $0.00); negatives
 * "-$1.20". A missing value (null, undefined) is a dash; text that is not a decimal throws, so a
 * broken amount is a visible bug rather than a plausible "$0.00" or "$NaN".
 */
export function formatUsd(value: DecimalInput | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const parsed = toScaled(value);
  const negative = parsed.units < 0n;
  const body = formatMagnitude({ units: abs(parsed.units), scale: parsed.scale });
  return negative ? `-${body}` : body;
}

/** A difference with its sign always shown: "+$12.30", "-$0.05", "$0.00". */
export function formatUsdChange(value: DecimalInput): string {
  return decimalSign(value) > 0 ? `+${formatUsd(value)}` : formatUsd(value);
}

/** Every digit of a rate ("$0.0000375"): prices are shown exactly, never rounded. */
export function formatUsdExact(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = toDecimalString(parseDecimal(value));
  const negative = text.startsWith('-');
  const [intPart, frac = ''] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '-' : ''}$${groupThousands(intPart)}.${frac.padEnd(2, '0')}`;
}

/**
 * A Decimal as a JS number for chart geometry only: never shown, summed or compared.
 * Labels and tooltips format the original strings with formatUsd.
 */
export function decimalToChartNumber(value: DecimalInput): number {
  const d = roundDecimal(toScaled(value), 6);
  return Number(d.units) / 10 ** d.scale;
}

/** Decimal-looking user input ("12", "0.5", ".5"); checked before sending Decimal inputs. */
export function isDecimalInput(text: string): boolean {
  return /^(\d+(\.\d+)?|\.\d+)$/.test(text.trim());
}

/**
 * value / divisor rounded half up to `decimals` places (12, as the API rounds cost per call and
 * daily averages), so a ratio the client derives from exact totals reads like the server's own.
 * Null when the divisor is zero: "cost per call" of no calls means nothing.
 */
export function divideDecimal(value: DecimalInput, divisor: number, decimals = 12): string | null {
  if (!Number.isSafeInteger(divisor)) throw new RangeError(`Not a whole divisor: ${divisor}`);
  if (divisor === 0) return null;
  const { units: u, scale } = toScaled(value);
  const units = divideRounded(u * pow10(decimals), BigInt(divisor) * pow10(scale));
  return toDecimalString({ units, scale: decimals });
}
