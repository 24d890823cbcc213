import type { Request, Response } from 'express';
import type { Services } from '../../../services.js';
import { downloadContext, failDownload, sendDownloadError } from '../../../core/http/download-routes.js';
import { ErrorCode } from '../../../core/graphql/errors.js';
import { isPeriod, monthWindow, periodWindow } from '../../../core/lib/period.js';
import { marginOf } from '../../pricing/markup.js';
import { csvLines } from './usage-export.js';

const HEADER = ['period', 'tenant', 'tenant_id', 'charged_usd', 'provider_cost_usd', 'margin_usd', 'margin_percent', 'api_calls'];

/**
 * GET /export/margins.csv?period=YYYY-MM — admins only: per tenant with usage in the month, what
 * it was charged, what the providers charged the platform, and the margin (exact decimals, as
 * MonthlySummary gives them). Customers and keys get 403: provider cost is the platform's.
 */
export async function exportMarginsCsv(services: Services, req: Request, res: Response): Promise<void> {
  const context = await downloadContext(services, req);
  if (!context.viewer) return sendDownloadError(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to export margins');
  if (context.viewer.kind !== 'ADMIN') return sendDownloadError(res, 403, ErrorCode.FORBIDDEN, 'Margins are for admins only');
  const raw = typeof req.query.period === 'string' ? req.query.period : undefined;
  if (raw !== undefined && !isPeriod(raw)) return sendDownloadError(res, 400, ErrorCode.BAD_USER_INPUT, 'period must be YYYY-MM', 'period');
  try {
    const window = raw ? periodWindow(raw) : monthWindow(services.clock.now());
    const summaries = await services.usage.monthlySummaries(window, {});
    const rows = summaries.map((s) => {
      const { marginUsd, marginPercent } = marginOf(s.totalCostUsd, s.providerCostUsd);
      return [window.period, s.tenantName, s.tenantId, s.totalCostUsd, s.providerCostUsd, marginUsd, marginPercent ?? '', s.totalApiCalls];
    });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="margins-${window.period}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(csvLines([HEADER, ...rows]));
  } catch (error) {
    failDownload(res, services.logger, 'margin export', error);
  }
}
