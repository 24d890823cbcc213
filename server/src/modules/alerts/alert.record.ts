/** An alert as stored, mapped from SQL rows (alerts are written by the hot path in raw SQL). */
export interface AlertRecord {
  id: string;
  tenantId: string;
  type: 'QUOTA_APPROACHING' | 'QUOTA_EXCEEDED' | 'RATE_LIMIT_EXCEEDED' | 'COST_SPIKE' | 'END_USER_LIMIT_EXCEEDED';
  metric: string | null;
  status: 'ACTIVE' | 'ACKNOWLEDGED' | 'RESOLVED';
  message: string;
  thresholdPercent: number | null;
  currentValue: number | null;
  limitValue: number | null;
  period: string | null;
  /** END_USER_LIMIT_EXCEEDED: the end user at its cap. */
  endUser: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

export const ALERT_COLUMNS = `id, tenant_id, type, metric, status, message, threshold_percent, current_value, limit_value,
  period, end_user, created_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function alertFromRow(row: any): AlertRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    metric: row.metric,
    status: row.status,
    message: row.message,
    thresholdPercent: row.threshold_percent,
    currentValue: row.current_value,
    limitValue: row.limit_value,
    period: row.period,
    endUser: row.end_user ?? null,
    createdAt: new Date(row.created_at),
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    resolvedBy: row.resolved_by,
  };
}

/** The NOTIFY payload is a JSON AlertRecord: revive its dates. */
export function alertFromNotification(payload: string): AlertRecord {
  const parsed = JSON.parse(payload) as AlertRecord;
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return { ...parsed, createdAt: new Date(parsed.createdAt), acknowledgedAt: date(parsed.acknowledgedAt), resolvedAt: date(parsed.resolvedAt) };
}
