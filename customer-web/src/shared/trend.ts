import { decimalSign, percentOf, subtractDecimals } from './money';

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Size of the change in percent of the previous amount ("12.5", "<0.1"); null when that was zero. */
  percent: string | null;
  /** The change in words for screen readers and plain text: "up 12.5 %", "up from $0", "no change". */
  description: string;
}

/** Change from `previous` to `current` (Decimal strings), computed exactly on scaled integers. */
export function trendBetween(current: string, previous: string): Trend {
  const difference = subtractDecimals(current, previous);
  const sign = decimalSign(difference);
  if (sign === 0) return { direction: 'flat', percent: '0', description: 'no change' };
  const direction = sign > 0 ? 'up' : 'down';
  if (decimalSign(previous) === 0) {
    return { direction, percent: null, description: `${direction} from $0` };
  }
  const raw = percentOf(difference.replace(/^-/, ''), previous.replace(/^-/, ''), 1) ?? '0';
  // A real change too small to show at one decimal must not read as "0 %".
  const percent = raw === '0' ? '<0.1' : raw;
  return { direction, percent, description: `${direction} ${percent} %` };
}
