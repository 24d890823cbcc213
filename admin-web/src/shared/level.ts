export type Level = 'OK' | 'NOTICE' | 'WARNING' | 'CRITICAL';

/**
 * The same bands as the API's QuotaUsage.level: OK < 60, NOTICE 60–80, WARNING 80–90, CRITICAL >= 90.
 * Bars use the API's level; this is for values the client derives itself (e.g. a preview).
 */
export function levelForPercent(percent: number): Level {
  if (percent >= 90) return 'CRITICAL';
  if (percent >= 80) return 'WARNING';
  if (percent >= 60) return 'NOTICE';
  return 'OK';
}

export interface LevelStyle {
  label: string;
  /** CSS class that sets --level-color (green, yellow, orange, red). */
  className: string;
}

export const LEVEL_STYLE: Record<Level, LevelStyle> = {
  OK: { label: 'OK', className: 'level-ok' },
  NOTICE: { label: 'Notice', className: 'level-notice' },
  WARNING: { label: 'Warning', className: 'level-warning' },
  CRITICAL: { label: 'Critical', className: 'level-critical' },
};

/** Percent text shown beside every bar so that colour is never the only signal. */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '—';
  // Floor, not round: 99.6 % must not read as a full "100%".
  return `${percent >= 10 || percent === 0 ? Math.floor(percent) : (Math.floor(percent * 10) / 10).toFixed(1)}%`;
}
