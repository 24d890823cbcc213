import { sessionHeaders } from '@usage-monitor/web-kit/apollo';
import { downloadWithSession } from '@usage-monitor/web-kit/downloads';
import { monthRange } from '@usage-monitor/web-kit/periods';
import type { Service, UsageSource } from '../../__generated__/graphql';
import { SESSION_APP } from '../../app/env';

export interface UsageExport {
  /** "YYYY-MM" (UTC). */
  month: string;
  service?: Service;
  /** How the calls arrived (API, the gateway, a webhook). */
  source?: UsageSource;
  /** One of the customer's own end users. */
  endUser?: string;
}

/**
 * The export endpoint for one month of the customer's own usage: [from, to) are the month's UTC
 * bounds. No tenantId: the server scopes a customer's export to their own tenant.
 */
export function usageExportUrl(apiBase: string, { month, service, source, endUser }: UsageExport): string {
  const { from, to } = monthRange(month);
  const params = new URLSearchParams();
  if (service) params.set('service', service);
  if (source) params.set('source', source);
  params.set('from', from);
  params.set('to', to);
  if (endUser) params.set('endUser', endUser);
  return `${apiBase}/export/usage.csv?${params.toString()}`;
}

export function usageExportFileName({ month, service, source, endUser }: UsageExport): string {
  const user = endUser ? `-${endUser.replace(/[^\w.-]+/g, '_')}` : '';
  const how = source ? `-${source.toLowerCase().replace('_', '-')}` : '';
  return `usage-${month}${service ? `-${service.toLowerCase()}` : ''}${how}${user}.csv`;
}

interface DownloadOptions {
  apiBase: string;
  /** The session's CSRF token: the export authenticates like GraphQL, cookie plus header. */
  csrfToken: string;
  fetchImpl?: typeof fetch;
  save?: (blob: Blob, fileName: string) => void;
}

/** The customer's CSV, fetched with the session (web-kit/downloads) and saved. */
export async function downloadUsageCsv(request: UsageExport, { apiBase, csrfToken, fetchImpl, save }: DownloadOptions): Promise<void> {
  await downloadWithSession({
    url: usageExportUrl(apiBase, request),
    fileName: usageExportFileName(request),
    accept: 'text/csv',
    headers: sessionHeaders(SESSION_APP, csrfToken),
    what: 'export',
    fetchImpl,
    save,
  });
}
