import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../graphql/errors.js';
import { createRequestContext, type ContextServices } from '../graphql/request-context.js';
import { httpCredentials } from './session-cookies.js';

/**
 * What the file routes beside GraphQL share (the usage and margins CSVs, statements' PDF and
 * CSV): the same credentials as GraphQL, and errors as `{ error: { code, field?, message } }`
 * with GraphQL's codes.
 */
export function downloadContext(services: ContextServices, req: Request) {
  return createRequestContext(services, httpCredentials(req), { ip: () => req.ip ?? '', userAgent: req.headers['user-agent'] });
}

export function sendDownloadError(res: Response, status: number, code: ErrorCode, message: string, field?: string): void {
  res.status(status).json({ error: { code, ...(field ? { field } : {}), message } });
}

/**
 * A route's failure: a domain error is the caller's (400, or 403 for FORBIDDEN), anything else is
 * logged and a 500. Once the body has started, the connection is cut, so a partial file never
 * looks whole.
 */
export function failDownload(res: Response, logger: Logger, what: string, error: unknown): void {
  if (error instanceof DomainError) {
    const code = error.extensions.code as ErrorCode;
    const field = error.extensions.field as string | undefined;
    if (!res.headersSent) sendDownloadError(res, code === ErrorCode.FORBIDDEN ? 403 : 400, code, error.message, field);
    else res.destroy();
    return;
  }
  logger.error({ err: (error as Error).message }, `${what} failed`);
  if (!res.headersSent) sendDownloadError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  else res.destroy();
}
