export type Level = 'OK' | 'NOTICE' | 'WARNING' | 'CRITICAL';

/**
 * The API's banding of a quota's percent used: OK < 60, NOTICE 60–80, WARNING 80–90, CRITICAL ≥ 90.
 * Bars take their colour from the API's own `level`; this mirrors the contract so values the
 * client derives itself (a preview, a test) agree with it.
 */
export function levelForPercent(percentUsed: number): Level {
  if (percentUsed >= 90) return 'CRITICAL';
  if (percentUsed >= 80) return 'WARNING';
  if (percentUsed >= 60) return 'NOTICE';
  return 'OK';
}

export interface LevelStyle {
  /** Words beside the bar, so colour is never the only signal. */
  label: string;
  colour: 'green' | 'yellow' | 'orange' | 'red';
  /** CSS class that sets --level-color (see styles/base.css). */
  className: string;
}

export const LEVEL_STYLES: Record<Level, LevelStyle> = {
  OK: { label: 'On track', colour: 'green', className: 'level-ok' },
  NOTICE: { label: 'Notice', colour: 'yellow', className: 'level-notice' },
  WARNING: { label: 'Warning', colour: 'orange', className: 'level-warning' },
  CRITICAL: { label: 'Critical', colour: 'red', className: 'level-critical' },
};

const upToOneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * "84%", "59.9%". Truncated rather than rounded so a quota at 89.96 % never reads "90%" (the
 * critical threshold) and 99.99 % never reads as the limit reached.
 */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${upToOneDecimal.format(Math.trunc(value * 10) / 10)}%`;
}
