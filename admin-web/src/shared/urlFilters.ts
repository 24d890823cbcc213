// Filters live in the URL (search params) so that every view can be linked, reloaded and
// navigated with the back button. Parsers ignore values they do not recognise rather than
// sending a bad enum to the API.

import { parseEndUser } from '@usage-monitor/web-kit/end-users';
import { parseUsageSource, SERVICES, type AlertTypeName, type ServiceName, type UsageSourceName } from '@usage-monitor/web-kit/units';
import { withParams } from '@usage-monitor/web-kit/url';

export type CallStatusName = 'SUCCESS' | 'ERROR';
export type AlertStatusName = 'ACTIVE' | 'ACKNOWLEDGED' | 'RESOLVED';

export const CALL_STATUS_VALUES: readonly CallStatusName[] = ['SUCCESS', 'ERROR'];
export const ALERT_STATUS_VALUES: readonly AlertStatusName[] = ['ACTIVE', 'ACKNOWLEDGED', 'RESOLVED'];
export const ALERT_TYPE_VALUES: readonly AlertTypeName[] = [
  'QUOTA_APPROACHING',
  'QUOTA_EXCEEDED',
  'RATE_LIMIT_EXCEEDED',
  'COST_SPIKE',
  'END_USER_LIMIT_EXCEEDED',
];

export function readEnum<T extends string>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const raw = params.get(key)?.toUpperCase();
  return allowed.find((v) => v === raw);
}

export function readString(params: URLSearchParams, key: string): string | undefined {
  const raw = params.get(key)?.trim();
  return raw ? raw : undefined;
}

export function readChoice<T extends string | number>(
  params: URLSearchParams,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = params.get(key);
  return allowed.find((v) => String(v) === raw) ?? fallback;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date "YYYY-MM-DD" that really exists (rejects 2026-02-31). */
export function readDate(params: URLSearchParams, key: string): string | undefined {
  const raw = params.get(key);
  if (!raw || !DATE_RE.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw) ? raw : undefined;
}

export interface UsageLogFilters {
  tenantId?: string;
  service?: ServiceName;
  status?: CallStatusName;
  /** How the calls arrived: API, the gateway (measured or estimated), a webhook. */
  source?: UsageSourceName;
  /** Inclusive first day, "YYYY-MM-DD" (UTC). */
  from?: string;
  /** Inclusive last day, "YYYY-MM-DD" (UTC). */
  to?: string;
  /** One end user of `tenantId` (the API needs the tenant with it). */
  endUser?: string;
}

export function parseUsageLogFilters(params: URLSearchParams): UsageLogFilters {
  const filters: UsageLogFilters = {
    tenantId: readString(params, 'tenant'),
    service: readEnum(params, 'service', SERVICES),
    status: readEnum(params, 'status', CALL_STATUS_VALUES),
    source: parseUsageSource(params.get('source')),
    from: readDate(params, 'from'),
    to: readDate(params, 'to'),
  };
  if (filters.tenantId) filters.endUser = parseEndUser(params.get('user'));
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

/** Params for a filter change; the page cursor always resets because old cursors no longer apply. */
export function usageLogFilterParams(params: URLSearchParams, patch: Partial<UsageLogFilters>): URLSearchParams {
  const keyOf: Record<keyof UsageLogFilters, string> = {
    tenantId: 'tenant',
    service: 'service',
    status: 'status',
    source: 'source',
    from: 'from',
    to: 'to',
    endUser: 'user',
  };
  // Another tenant's end user would match nothing.
  const mapped: Record<string, string | undefined> = 'tenantId' in patch ? { after: undefined, user: undefined } : { after: undefined };
  for (const [k, v] of Object.entries(patch)) mapped[keyOf[k as keyof UsageLogFilters]] = v;
  return withParams(params, mapped);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export interface UsageLogFilterInput {
  tenantId?: string;
  service?: ServiceName;
  status?: CallStatusName;
  source?: UsageSourceName;
  from?: string;
  to?: string;
  endUser?: string;
}

/**
 * The API's UsageLogFilter: half-open [from, to) instants. The UI's "to" date is inclusive,
 * so it becomes the start of the following day.
 */
export function toUsageLogFilterInput(filters: UsageLogFilters): UsageLogFilterInput {
  const input: UsageLogFilterInput = {};
  if (filters.tenantId) input.tenantId = filters.tenantId;
  if (filters.service) input.service = filters.service;
  if (filters.status) input.status = filters.status;
  if (filters.source) input.source = filters.source;
  if (filters.from) input.from = `${filters.from}T00:00:00.000Z`;
  if (filters.to) input.to = nextDay(filters.to);
  if (filters.tenantId && filters.endUser) input.endUser = filters.endUser;
  return input;
}

/** Query string of the CSV export endpoint for the same rows the table shows. */
export function exportQueryString(filters: UsageLogFilters): string {
  const input = toUsageLogFilterInput(filters);
  const params = new URLSearchParams();
  for (const key of ['tenantId', 'service', 'status', 'source', 'from', 'to', 'endUser'] as const) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export interface AlertFilters {
  status?: AlertStatusName;
  type?: AlertTypeName;
  tenantId?: string;
}

export function parseAlertFilters(params: URLSearchParams): AlertFilters {
  const filters: AlertFilters = {
    status: readEnum(params, 'status', ALERT_STATUS_VALUES),
    type: readEnum(params, 'type', ALERT_TYPE_VALUES),
    tenantId: readString(params, 'tenant'),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}
