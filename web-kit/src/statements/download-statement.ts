import type { StatementFormat, StatementRowData } from './statement-types';
import { statementFileName } from './statement-types';

export class StatementDownloadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'StatementDownloadError';
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

export interface StatementDownloadOptions {
  /** Base of the API's URLs ('' = this page's origin): pdfUrl and csvUrl are paths on it. */
  apiBase: string;
  /** The session's headers (app and CSRF token): the download authenticates like GraphQL. */
  headers: Record<string, string>;
  fetchImpl?: typeof fetch;
  save?: (blob: Blob, fileName: string) => void;
}

/**
 * Fetches a statement's PDF or CSV with the session cookie and its CSRF header (a plain link
 * could not send the header) and saves it under a readable name.
 */
export async function downloadStatement(
  statement: StatementRowData,
  format: StatementFormat,
  { apiBase, headers, fetchImpl = fetch, save = saveBlob }: StatementDownloadOptions,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(`${apiBase}${format === 'pdf' ? statement.pdfUrl : statement.csvUrl}`, {
      credentials: 'same-origin',
      headers: { ...headers, accept: format === 'pdf' ? 'application/pdf' : 'text/csv' },
    });
  } catch {
    throw new StatementDownloadError('The statement could not be downloaded. Check your connection and try again.', null);
  }
  if (response.status === 401) throw new StatementDownloadError('Your session has expired.', 401);
  if (!response.ok) throw new StatementDownloadError(`The download failed (HTTP ${response.status}).`, response.status);
  save(await response.blob(), statementFileName(statement, format));
}
