/**
 * Files the server gives only to a signed-in session (CSV exports, statements): a plain link
 * cannot send the CSRF header beside the session cookie, so the file is fetched with both and
 * handed to the browser as a blob. One place for both apps.
 */
export class DownloadError extends Error {
  constructor(
    message: string,
    /** The HTTP status (401: the session expired), or null when the server was not reached. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface SessionDownload {
  url: string;
  fileName: string;
  /** The Accept header, e.g. "text/csv" or "application/pdf". */
  accept: string;
  /** The session's headers (app and CSRF token). */
  headers: Record<string, string>;
  /** What is downloaded, for the messages: "export", "statement". */
  what: string;
  fetchImpl?: typeof fetch;
  save?: (blob: Blob, fileName: string) => void;
}

export async function downloadWithSession({ url, fileName, accept, headers, what, fetchImpl = fetch, save = saveBlob }: SessionDownload): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'same-origin', headers: { ...headers, accept } });
  } catch {
    throw new DownloadError(`The ${what} could not be downloaded. Check your connection and try again.`, null);
  }
  if (response.status === 401) throw new DownloadError('Your session has expired.', 401);
  if (!response.ok) throw new DownloadError(`The ${what} download failed (HTTP ${response.status}). Please try again later.`, response.status);
  save(await response.blob(), fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
