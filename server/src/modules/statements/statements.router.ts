import type { Request, Response } from 'express';
import type { Services } from '../../services.js';
import { downloadContext, failDownload, sendDownloadError } from '../../core/http/download-routes.js';
import { ErrorCode } from '../../core/graphql/errors.js';
import { statementCsv } from './statement-csv.js';
import { statementDocument } from './statement-document.js';
import { statementPdf } from './statement-pdf.js';
import { parseStatementId, statementId } from './statements.service.js';

/**
 * GET /export/statements/:tenantId/:period.(pdf|csv) — a statement's download (Statement.pdfUrl
 * and csvUrl). The same credentials as GraphQL (session cookie with its CSRF header, or a bearer
 * session token); admins any tenant's, customers only their own: another tenant's is 403 with no
 * data, whether or not it exists. API keys record usage and download nothing.
 */
export async function downloadStatement(services: Services, req: Request, res: Response): Promise<void> {
  const fail = (status: number, code: ErrorCode, message: string) => sendDownloadError(res, status, code, message);
  try {
    const context = await downloadContext(services, req);
    const viewer = context.viewer;
    if (!viewer) return fail(401, ErrorCode.UNAUTHENTICATED, 'Sign in to download statements');
    const match = /^(.+)\.(pdf|csv)$/.exec(String(req.params.file ?? ''));
    const parsed = match ? parseStatementId(statementId(String(req.params.tenantId ?? ''), match[1]!)) : null;
    if (viewer.kind === 'API_KEY' || (parsed && viewer.kind !== 'ADMIN' && parsed.tenantId !== viewer.tenantId)) {
      return fail(403, ErrorCode.FORBIDDEN, 'You can only access your own tenant');
    }
    if (!match || !parsed) return fail(404, ErrorCode.NOT_FOUND, 'Statement not found');
    const record = await services.statements.find(parsed.tenantId, parsed.period);
    if (!record) return fail(404, ErrorCode.NOT_FOUND, 'Statement not found');
    const tenant = await services.tenantDirectory.find(parsed.tenantId);
    const doc = statementDocument(record, tenant?.name ?? parsed.tenantId);
    const name = `statement-${record.number ?? `${parsed.period}-open`}`;
    res.setHeader('Cache-Control', 'no-store');
    if (match[2] === 'pdf') {
      const file = await statementPdf(doc);
      res.status(200).type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
      res.end(file);
    } else {
      res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.end(statementCsv(doc));
    }
  } catch (error) {
    failDownload(res, services.logger, 'statement download', error);
  }
}
