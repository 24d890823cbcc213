// Exact decimal arithmetic and USD formatting on the API's Decimal strings.
// Money never goes through Number(): a string is parsed into a scaled BigInt
// (value = units / 10^scale) and every sum, difference and percentage is done on those.

const DECIMAL_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Sub-dollar amounts keep up to this many decimals ($0.0315, $0.000123). */
const SUB_DOLLAR_DECIMALS = 6;
/** Amounts too small for SUB_DOLLAR_DECIMALS keep this many significant digits instead of showing $0.00. */
const TINY_SIGNIFICANT_DIGITS = 2;

export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`Not a decimal number: "${text}"`);
  }
  const [, sign, intPart, fracPart = '', exponent] = match;
  let digits = intPart + fracPart || '0';
  let scale = fracPart.length - (exponent ? Number(exponent) : 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const units = BigInt(digits);
  return { units: sign === '-' ? -units : units, scale };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Integer division rounding half away from zero (the way amounts are rounded on invoices). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  if (scale >= value.scale) return value.units * pow10(scale - value.scale);
  return divideRounded(value.units, pow10(value.scale - scale));
}

/** `units / 10^scale` as a plain decimal string with trailing zeros removed ("12.5", "-0.0315", "0"). */
export function toDecimalString(units: bigint, scale: number): string {
  return trimFraction(toFixed(units, scale), 0);
}

function toFixed(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
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

function aligned(values: readonly string[]): { units: bigint[]; scale: number } {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  return { units: parsed.map((p) => rescale(p, scale)), scale };
}

export function addDecimals(...values: string[]): string {
  const { units, scale } = aligned(values);
  return toDecimalString(
    units.reduce((sum, u) => sum + u, 0n),
    scale,
  );
}

export function subtractDecimals(minuend: string, subtrahend: string): string {
  const {
    units: [a, b],
    scale,
  } = aligned([minuend, subtrahend]);
  return toDecimalString(a - b, scale);
}

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const {
    units: [x, y],
  } = aligned([a, b]);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function decimalSign(value: string): -1 | 0 | 1 {
  const { units } = parseDecimal(value);
  return units === 0n ? 0 : units < 0n ? -1 : 1;
}

/**
 * part / whole × 100 as a decimal string rounded to `decimals` places (half away from zero);
 * null when whole is zero, where a percentage means nothing.
 */
export function percentOf(part: string, whole: string, decimals = 1): string | null {
  const {
    units: [p, w],
  } = aligned([part, whole]);
  if (w === 0n) return null;
  return toDecimalString(divideRounded(p * 100n * pow10(decimals), w), decimals);
}

/**
 * A Float the API sends for a money amount (QuotaUsage.used/limit of MONTHLY_COST, alert values)
 * as a decimal string. String(n) is the shortest text that round-trips to the same double, i.e.
 * the digits the server wrote; only the exponent form ("1e-7") needs expanding.
 */
export function floatToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  const parsed = parseDecimal(String(value));
  return toDecimalString(parsed.units, parsed.scale);
}

function groupThousands(fixed: string): string {
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
 * "$1,234.56"; amounts under a dollar keep their significant digits ("$0.0315", "$0.000123",
 * at most 6 decimals unless the amount would otherwise read as $0.00); negatives "-$1.20".
 */
export function formatUsd(value: string): string {
  const parsed = parseDecimal(value);
  const negative = parsed.units < 0n;
  const body = formatMagnitude({ units: negative ? -parsed.units : parsed.units, scale: parsed.scale });
  return negative ? `-${body}` : body;
}

/** A difference with its sign always shown: "+$12.30", "-$0.05", "$0.00". */
export function formatUsdChange(value: string): string {
  const sign = decimalSign(value);
  return sign > 0 ? `+${formatUsd(value)}` : formatUsd(value);
}
