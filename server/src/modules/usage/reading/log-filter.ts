/** Which logs a list, a count or an export reads (the tenant already scoped by the caller). */
export interface LogFilter {
  tenantId?: string;
  service?: string | null;
  status?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** One end user of the tenant (an end user id means nothing without its tenant). */
  endUser?: string | null;
  /** How the event arrived (API, GATEWAY, GATEWAY_ESTIMATED, WEBHOOK). */
  source?: string | null;
}

/**
 * The filter as SQL conditions on usage_logs, their values appended to `params`: one reading of
 * the filter for the list, the export and the partial days of the count.
 */
export function logConditions(filter: LogFilter, params: unknown[]): string[] {
  const conditions: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.tenantId) add('tenant_id = ?', filter.tenantId);
  if (filter.endUser) add('end_user = ?', filter.endUser);
  if (filter.service) add('service = ?', filter.service);
  if (filter.status) add('status = ?', filter.status);
  if (filter.source) add('source = ?', filter.source);
  if (filter.from) add('occurred_at >= ?', filter.from);
  if (filter.to) add('occurred_at < ?', filter.to);
  return conditions;
}
