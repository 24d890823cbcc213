import { sessionHeaders } from '@usage-monitor/web-kit/apollo';
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

export class ExportError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface DownloadOptions {
  apiBase: string;
  /** The session's CSRF token: the export authenticates like GraphQL, cookie plus header. */
  csrfToken: string;
  fetchImpl?: typeof fetch;
  save?: (blob: Blob, fileName: string) => void;
}

/**
 * Fetches the CSV with the session cookie and its CSRF header (a plain link could not send the
 * header) and saves it.
 */
export async function downloadUsageCsv(
  request: UsageExport,
  { apiBase, csrfToken, fetchImpl = fetch, save = saveBlob }: DownloadOptions,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(usageExportUrl(apiBase, request), {
      credentials: 'same-origin',
      headers: { ...sessionHeaders(SESSION_APP, csrfToken), accept: 'text/csv' },
    });
  } catch {
    throw new ExportError('The export could not be downloaded. Check your connection and try again.', null);
  }
  if (response.status === 401) throw new ExportError('Your session has expired.', 401);
  if (!response.ok) {
    throw new ExportError(`The export failed (HTTP ${response.status}). Please try again later.`, response.status);
  }
  save(await response.blob(), usageExportFileName(request));
}
