import type { UsageLevel } from '../__generated__/graphql';

/**
 * The API's banding of a quota's percent used. Bars take their colour from the API's own `level`;
 * this mirrors the contract so client-side values (and tests) agree with it.
 */
export function levelForPercent(percentUsed: number): UsageLevel {
  if (percentUsed >= 90) return 'CRITICAL';
  if (percentUsed >= 80) return 'WARNING';
  if (percentUsed >= 60) return 'NOTICE';
  return 'OK';
}

interface LevelStyle {
  /** Words beside the bar, so colour is never the only signal. */
  label: string;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  className: string;
}

export const LEVEL_STYLES: Record<UsageLevel, LevelStyle> = {
  OK: { label: 'On track', colour: 'green', className: 'level-ok' },
  NOTICE: { label: 'Notice', colour: 'yellow', className: 'level-notice' },
  WARNING: { label: 'Warning', colour: 'orange', className: 'level-warning' },
  CRITICAL: { label: 'Critical', colour: 'red', className: 'level-critical' },
};
