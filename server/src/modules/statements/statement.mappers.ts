import { formatMoney } from '../../core/lib/money.js';
import { tenantOutput, type TenantLookup } from '../tenants/tenant.mappers.js';
import type { StatementRecord } from './statements.service.js';
import { statementId } from './statements.service.js';
import { Statement, StatementLine, StatementStatus } from './statement.types.js';

/** Where a statement downloads (statements.router.ts), relative to the API's origin. */
export function statementDownloadPath(tenantId: string, period: string, format: 'pdf' | 'csv'): string {
  return `/export/statements/${tenantId}/${period}.${format}`;
}

export async function statementOutput(services: TenantLookup, record: StatementRecord): Promise<Statement> {
  return Object.assign(new Statement(), {
    id: statementId(record.tenantId, record.period),
    number: record.number,
    tenant: await tenantOutput(services, record.tenantId),
    period: record.period,
    status: record.status === 'FINAL' ? StatementStatus.FINAL : StatementStatus.OPEN,
    lines: record.lines.map((line) =>
      Object.assign(new StatementLine(), {
        service: line.service,
        model: line.model === '' ? null : line.model,
        units: line.units.toNumber(),
        unit: line.unit,
        apiCalls: line.apiCalls,
        amountUsd: formatMoney(line.amountUsd),
        adjustmentOf: line.adjustmentOf,
      }),
    ),
    totalUsd: formatMoney(record.totalUsd),
    finalizedAt: record.finalizedAt,
    pdfUrl: statementDownloadPath(record.tenantId, record.period, 'pdf'),
    csvUrl: statementDownloadPath(record.tenantId, record.period, 'csv'),
  });
}
