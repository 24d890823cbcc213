import { divRound, toDec, type Dec } from './money';

export type TrendDirection = 'up' | 'down' | 'flat' | 'new';

export interface Trend {
  direction: TrendDirection;
  /** Absolute change in percent with one decimal ("12.5"); null when there is no baseline. */
  percent: string | null;
  /** Short text for screen readers and tooltips, e.g. "up 12.5% from last month". */
  text: string;
}

function aligned(a: Dec, b: Dec): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale)];
}

/**
 * Change of `current` against `previous` in percent, computed on scaled integers so that
 * money trends are exact (a $0.10 → $0.30 month is +200.0 %, not +199.99999999999997 %).
 */
export function computeTrend(
  current: string | number,
  previous: string | number,
  against = 'last month',
): Trend {
  const [cur, prev] = aligned(toDec(current), toDec(previous));
  const diff = cur - prev;
  if (prev === 0n) {
    if (cur === 0n) return { direction: 'flat', percent: '0.0', text: `no change from ${against}` };
    return { direction: 'new', percent: null, text: `new since ${against}` };
  }
  const base = prev < 0n ? -prev : prev;
  // Tenths of a percent: diff / prev * 1000.
  const tenths = divRound((diff < 0n ? -diff : diff) * 1000n, base);
  const percent = `${tenths / 10n}.${tenths % 10n}`;
  if (diff === 0n) return { direction: 'flat', percent: '0.0', text: `no change from ${against}` };
  const direction: TrendDirection = diff > 0n ? 'up' : 'down';
  const shown = tenths === 0n ? '<0.1' : percent;
  return {
    direction,
    percent: shown,
    text: `${direction} ${shown}% from ${against}`,
  };
}

export const TREND_ARROW: Record<TrendDirection, string> = {
  up: '▲',
  down: '▼',
  flat: '▬',
  new: '★',
};

/** Whether a change is good news for the card showing it (more alerts is bad, more revenue good). */
export function trendTone(direction: TrendDirection, upIsGood: boolean): 'good' | 'bad' | 'neutral' {
  if (direction === 'flat') return 'neutral';
  if (direction === 'new') return upIsGood ? 'good' : 'bad';
  return (direction === 'up') === upIsGood ? 'good' : 'bad';
}

