import type { StatementFormat, StatementRowData } from './statement-types';
import { statementFileName } from './statement-types';
import { downloadWithSession } from '../downloads';

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
export async function downloadStatement(statement: StatementRowData, format: StatementFormat, { apiBase, headers, fetchImpl, save }: StatementDownloadOptions): Promise<void> {
  await downloadWithSession({
    url: `${apiBase}${format === 'pdf' ? statement.pdfUrl : statement.csvUrl}`,
    fileName: statementFileName(statement, format),
    accept: format === 'pdf' ? 'application/pdf' : 'text/csv',
    headers,
    what: 'statement',
    fetchImpl,
    save,
  });
}
