import { absDecimal, decimalSign, percentOf, subtractDecimals, type DecimalInput } from '../money/money';

export type TrendDirection = 'up' | 'down' | 'flat' | 'new';

export interface Trend {
  direction: TrendDirection;
  /** Size of the change in percent of the previous amount ("12.5", "25", "<0.1"); null without a baseline. */
  percent: string | null;
  /** The change in words for screen readers and tooltips: "up 12.5% from last month". */
  text: string;
}

/**
 * Change of `current` against `previous` (Decimal strings or counts), computed exactly on scaled
 * integers: a $0.10 → $0.30 month is +200 %, not +199.99999999999997 %.
 */
export function computeTrend(current: DecimalInput, previous: DecimalInput, against = 'last month'): Trend {
  const difference = subtractDecimals(current, previous);
  const sign = decimalSign(difference);
  if (sign === 0) return { direction: 'flat', percent: '0', text: `no change from ${against}` };
  if (decimalSign(previous) === 0) return { direction: 'new', percent: null, text: `new since ${against}` };
  const direction = sign > 0 ? 'up' : 'down';
  const raw = percentOf(absDecimal(difference), absDecimal(previous), 1) ?? '0';
  // A real change too small to show at one decimal must not read as "0%".
  const percent = raw === '0' ? '<0.1' : raw;
  return { direction, percent, text: `${direction} ${percent}% from ${against}` };
}

export const TREND_ARROWS: Record<TrendDirection, string> = {
  up: '▲',
  down: '▼',
  flat: '▬',
  new: '★',
};

/** Whether a change is good news for the figure showing it (more revenue is good, more cost to a customer is not). */
export function trendTone(direction: TrendDirection, upIsGood: boolean): 'good' | 'bad' | 'neutral' {
  if (direction === 'flat') return 'neutral';
  if (direction === 'new') return upIsGood ? 'good' : 'bad';
  return (direction === 'up') === upIsGood ? 'good' : 'bad';
}
