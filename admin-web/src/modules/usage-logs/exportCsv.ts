import { sessionHeaders } from '@usage-monitor/web-kit/apollo';
import { DownloadError, downloadWithSession } from '@usage-monitor/web-kit/downloads';
import { API, SESSION_APP } from '../../app/env';
import { expireSession, getSession } from '../../app/session';
import { exportQueryString, type UsageLogFilters } from '../../shared/urlFilters';

export function exportFileName(filters: UsageLogFilters, today: Date = new Date()): string {
  const parts = ['usage'];
  if (filters.from || filters.to) parts.push(`${filters.from ?? 'start'}_to_${filters.to ?? 'now'}`);
  else parts.push(today.toISOString().slice(0, 10));
  if (filters.service) parts.push(filters.service.toLowerCase());
  if (filters.status) parts.push(filters.status.toLowerCase());
  if (filters.source) parts.push(filters.source.toLowerCase().replace('_', '-'));
  if (filters.endUser) parts.push(filters.endUser.replace(/[^\w.-]+/g, '_'));
  return `${parts.join('-')}.csv`;
}

/**
 * Downloads the server's CSV of the filtered logs. The export authenticates like GraphQL: the
 * session cookie plus the CSRF header, which a plain link cannot send, so the file is fetched
 * and handed to the browser as a blob.
 */
export async function downloadUsageCsv(filters: UsageLogFilters): Promise<void> {
  await downloadCsv(API.usageExportUrl(exportQueryString(filters)), exportFileName(filters));
}

/** Any of the server's CSV exports, fetched with the session (web-kit/downloads) and saved as `fileName`. */
export async function downloadCsv(address: string, fileName: string): Promise<void> {
  const { csrfToken } = getSession();
  try {
    await downloadWithSession({ url: address, fileName, accept: 'text/csv', headers: sessionHeaders(SESSION_APP, csrfToken), what: 'export' });
  } catch (error) {
    if (error instanceof DownloadError && error.status === 401 && csrfToken) expireSession(csrfToken);
    throw error;
  }
}
