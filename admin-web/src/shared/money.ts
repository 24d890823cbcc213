// Exact decimal arithmetic on the API's Decimal strings ("0.0315", "1234.5").
// Money never goes through Number()/parseFloat: a binary float turns 0.1 + 0.2 into
// 0.30000000000000004 and silently drops digits past 2^53, which a bill must not do.

/** A decimal as a signed unscaled integer: value = units / 10^scale. */
export interface Dec {
  units: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function parseDecimal(text: string): Dec {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new Error(`Not a decimal: "${text}"`);
  }
  const [, sign, intPart, fracPart = '', exp] = match;
  let digits = `${intPart}${fracPart}`.replace(/^0+(?=\d)/, '') || '0';
  let scale = fracPart.length - (exp ? Number.parseInt(exp, 10) : 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const magnitude = BigInt(digits);
  return { units: sign === '-' ? -magnitude : magnitude, scale };
}

/** Accepts a Decimal string or a JS number that is already exact enough (counts, Float units). */
export function toDec(value: string | number | Dec): Dec {
  if (typeof value === 'object') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return parseDecimal(String(value));
  }
  return parseDecimal(value);
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function rescale(d: Dec, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale), rescale(b, scale), scale];
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Divides rounding half away from zero (what people expect on an invoice). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = abs(numerator);
  const d = abs(denominator);
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** Rounds to `decimals` fractional digits, half away from zero. */
export function roundDec(d: Dec, decimals: number): Dec {
  if (d.scale <= decimals) return d;
  return { units: divRound(d.units, pow10(d.scale - decimals)), scale: decimals };
}

export function decToString(d: Dec): string {
  const negative = d.units < 0n;
  let digits = abs(d.units).toString();
  if (d.scale === 0) return `${negative ? '-' : ''}${digits}`;
  digits = digits.padStart(d.scale + 1, '0');
  const intPart = digits.slice(0, digits.length - d.scale);
  const frac = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  const body = frac ? `${intPart}.${frac}` : intPart;
  return negative && body !== '0' ? `-${body}` : body;
}

export function addDecimals(a: string | number, b: string | number): string {
  const [x, y, scale] = align(toDec(a), toDec(b));
  return decToString({ units: x + y, scale });
}

export function subtractDecimals(a: string | number, b: string | number): string {
  const [x, y, scale] = align(toDec(a), toDec(b));
  return decToString({ units: x - y, scale });
}

export function sumDecimals(values: ReadonlyArray<string | number>): string {
  return values.reduce<string>((total, v) => addDecimals(total, v), '0');
}

export function compareDecimals(a: string | number, b: string | number): -1 | 0 | 1 {
  const [x, y] = align(toDec(a), toDec(b));
  return x === y ? 0 : x < y ? -1 : 1;
}

export function isZeroDecimal(value: string | number): boolean {
  return toDec(value).units === 0n;
}

/**
 * `part / whole * 100`, rounded to `decimals`, as a decimal string; null when `whole` is zero.
 */
export function percentOf(part: string | number, whole: string | number, decimals = 1): string | null {
  const [p, w] = align(toDec(part), toDec(whole));
  if (w === 0n) return null;
  return decToString({ units: divRound(p * 100n * pow10(decimals), w), scale: decimals });
}

export function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Amounts under $1 keep up to this many significant digits ($0.0315, $0.000123) ...
const SMALL_SIGNIFICANT_DIGITS = 4;
// ... but never more decimals than this, so a per-call cost stays readable.
const SMALL_MAX_DECIMALS = 6;

function fixed(d: Dec, decimals: number, minDecimals: number): string {
  const rounded = roundDec(d, decimals);
  const digits = abs(rounded.units).toString().padStart(rounded.scale + 1, '0');
  const intPart = rounded.scale ? digits.slice(0, -rounded.scale) : digits;
  let frac = rounded.scale ? digits.slice(-rounded.scale) : '';
  frac = frac.padEnd(minDecimals, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac ? `${groupThousands(intPart)}.${frac}` : groupThousands(intPart);
}

/**
 * USD for display: `$1,234.56`; under $1 keeps significant digits (`$0.0315`, `$0.000123`);
 * non-zero amounts too small to show become `<$0.000001`.
 */
export function formatUsd(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  let d: Dec;
  try {
    d = toDec(value);
  } catch {
    return '—';
  }
  const sign = d.units < 0n ? '-' : '';
  const magnitude: Dec = { units: abs(d.units), scale: d.scale };
  if (magnitude.units === 0n) return '$0.00';
  const one = pow10(magnitude.scale);
  if (magnitude.units >= one) return `${sign}$${fixed(magnitude, 2, 2)}`;

  const fracDigits = magnitude.units.toString().padStart(magnitude.scale, '0');
  const leadingZeros = fracDigits.length - fracDigits.replace(/^0+/, '').length;
  const decimals = Math.min(SMALL_MAX_DECIMALS, Math.max(2, leadingZeros + SMALL_SIGNIFICANT_DIGITS));
  const rounded = roundDec(magnitude, decimals);
  if (rounded.units === 0n) return `${sign ? '>-' : '<'}$0.${'0'.repeat(SMALL_MAX_DECIMALS - 1)}1`;
  if (rounded.units >= pow10(rounded.scale)) return `${sign}$${fixed(magnitude, 2, 2)}`;
  return `${sign}$${fixed(magnitude, decimals, 2)}`;
}

/**
 * A Decimal as a JS number for chart.js geometry only: never shown, summed or compared.
 * Labels and tooltips format the original strings with formatUsd.
 */
export function decimalToChartNumber(value: string): number {
  const d = roundDec(toDec(value), 6);
  return Number(d.units) / 10 ** d.scale;
}

/** Decimal-looking user input ("12", "0.5"); used before sending Decimal inputs. */
export function isDecimalInput(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim()) || /^\.\d+$/.test(text.trim());
}

/** Every digit of a rate ("$0.0000375"): prices are shown exactly, never rounded. */
export function formatUsdExact(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  let d: Dec;
  try {
    d = parseDecimal(value);
  } catch {
    return '—';
  }
  const text = decToString(d);
  const negative = text.startsWith('-');
  const [intPart, frac = ''] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '-' : ''}$${groupThousands(intPart)}.${frac.padEnd(2, '0')}`;
}
