import type { Request, Response } from 'express';
import type { Services } from '../../../services.js';
import { httpCredentials } from '../../../core/http/session-cookies.js';
import { createRequestContext } from '../../../core/graphql/request-context.js';
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
  const context = await createRequestContext(services, httpCredentials(req), { ip: () => req.ip ?? '', userAgent: req.headers['user-agent'] });
  if (!context.viewer) {
    res.status(401).json({ error: { code: ErrorCode.UNAUTHENTICATED, message: 'Sign in to export margins' } });
    return;
  }
  if (context.viewer.kind !== 'ADMIN') {
    res.status(403).json({ error: { code: ErrorCode.FORBIDDEN, message: 'Margins are for admins only' } });
    return;
  }
  const raw = typeof req.query.period === 'string' ? req.query.period : undefined;
  if (raw !== undefined && !isPeriod(raw)) {
    res.status(400).json({ error: { code: ErrorCode.BAD_USER_INPUT, field: 'period', message: 'period must be YYYY-MM' } });
    return;
  }
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
    services.logger.error({ err: (error as Error).message }, 'margin export failed');
    if (!res.headersSent) res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' } });
  }
}
