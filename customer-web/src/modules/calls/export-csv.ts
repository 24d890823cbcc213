import { monthRange } from '@usage-monitor/web-kit/periods';
import type { Service } from '../../__generated__/graphql';

export interface UsageExport {
  /** "YYYY-MM" (UTC). */
  month: string;
  service?: Service;
  /** One of the customer's own end users. */
  endUser?: string;
}

/**
 * The export endpoint for one month of the customer's own usage: [from, to) are the month's UTC
 * bounds. No tenantId: the server scopes a customer's export to their own tenant.
 */
export function usageExportUrl(apiBase: string, { month, service, endUser }: UsageExport): string {
  const { from, to } = monthRange(month);
  const params = new URLSearchParams();
  if (service) params.set('service', service);
  params.set('from', from);
  params.set('to', to);
  if (endUser) params.set('endUser', endUser);
  return `${apiBase}/export/usage.csv?${params.toString()}`;
}

export function usageExportFileName({ month, service, endUser }: UsageExport): string {
  const user = endUser ? `-${endUser.replace(/[^\w.-]+/g, '_')}` : '';
  return `usage-${month}${service ? `-${service.toLowerCase()}` : ''}${user}.csv`;
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
  token: string;
  fetchImpl?: typeof fetch;
  save?: (blob: Blob, fileName: string) => void;
}

/** Fetches the CSV with the session's Bearer token (a plain link could not send it) and saves it. */
export async function downloadUsageCsv(
  request: UsageExport,
  { apiBase, token, fetchImpl = fetch, save = saveBlob }: DownloadOptions,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(usageExportUrl(apiBase, request), {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
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
