import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import type { Services } from '../../../services.js';
import { downloadContext, failDownload, sendDownloadError } from '../../../core/http/download-routes.js';
import { scopedTenantFilter } from '../../../core/graphql/tenant-scope.js';
import { ErrorCode } from '../../../core/graphql/errors.js';
import type { LogFilter } from '../reading/log-filter.js';
import { streamLogs } from '../reading/usage-read.service.js';
import { endUserFilter } from '../../end-users/end-user-text.js';

const HEADER = ['occurred_at', 'tenant', 'service', 'model', 'status', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'characters', 'duration_seconds', 'cost_usd', 'pricing_status', 'request_id', 'end_user', 'source', 'voided_at', 'void_reason'];

/**
 * CSV lines, RFC 4180 quoting and CRLF. Text that starts like a formula (=, +, -, @, tab, CR or
 * their full-width forms) gets a leading `'` so a spreadsheet shows it instead of running it:
 * models and request ids come from integrators. Numbers (a negative one too) are left as they are.
 */
export function csvLines(rows: unknown[][]): string {
  // quote_record_delimiter: once record_delimiter is set, csv-stringify would otherwise quote a
  // field only for a full CRLF and leave a lone LF (which every reader takes as a row end) bare.
  return stringify(rows, { escape_formulas: true, record_delimiter: 'windows', quote_record_delimiter: true });
}

/**
 * GET /export/usage.csv?tenantId=&service=&status=&source=&from=&to=&endUser= — streamed from keyset pages, so an
 * export of millions of rows holds one page in memory. Same auth and tenant scoping as GraphQL.
 */
export async function exportUsageCsv(services: Services, req: Request, res: Response): Promise<void> {
  const context = await downloadContext(services, req);
  try {
    if (!context.viewer || context.viewer.kind === 'API_KEY') return sendDownloadError(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to export usage');
    const query = req.query as Record<string, string | undefined>;
    const problems: string[] = [];
    const date = (name: string) => {
      const raw = query[name];
      if (!raw) return undefined;
      const parsed = new Date(raw);
      if (Number.isNaN(parsed.getTime())) problems.push(name);
      return parsed;
    };
    const filter: LogFilter = {
      tenantId: scopedTenantFilter(context.viewer, query.tenantId || null),
      service: query.service || null,
      status: query.status || null,
      source: query.source || null,
      from: date('from'),
      to: date('to'),
    };
    if (filter.service && !['OPENAI', 'ELEVENLABS', 'SMARTFLO'].includes(filter.service)) problems.push('service');
    if (filter.status && !['SUCCESS', 'ERROR'].includes(filter.status)) problems.push('status');
    if (filter.source && !['API', 'GATEWAY', 'GATEWAY_ESTIMATED', 'WEBHOOK'].includes(filter.source)) problems.push('source');
    if (filter.tenantId && !/^[0-9a-f-]{36}$/i.test(filter.tenantId)) problems.push('tenantId');
    if (problems.length === 0) filter.endUser = endUserFilter(query.endUser || null, filter.tenantId);
    if (problems.length) return sendDownloadError(res, 400, ErrorCode.BAD_USER_INPUT, `${problems[0]} is not valid`, problems[0]);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="usage-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write(csvLines([HEADER]));
    for await (const page of streamLogs(services.db.reads, filter)) {
      const rows: unknown[][] = [];
      for (const log of page) {
        const tenant = await services.tenantDirectory.find(log.tenantId);
        rows.push([log.occurredAt.toISOString(), tenant?.name ?? log.tenantId, log.service, log.model, log.status, log.inputTokens, log.cachedInputTokens, log.outputTokens, log.characters, log.durationSeconds, log.costUsd, log.pricingStatus, log.requestId, log.endUser, log.source, log.voidedAt?.toISOString() ?? null, log.voidReason]);
      }
      if (rows.length > 0 && !res.write(csvLines(rows))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch (error) {
    failDownload(res, services.logger, 'usage export', error);
  }
}
