import { csvLines } from '../usage/export/usage-export.js';
import type { StatementDocument } from './statement-document.js';

const HEADER = ['statement', 'tenant', 'period', 'status', 'service', 'model', 'units', 'unit', 'api_calls', 'amount_usd', 'adjustment_of'];

/** The statement's lines, its adjustment lines, and a total row, in the usage export's CSV dialect. */
export function statementCsv(doc: StatementDocument): string {
  const head = [doc.number, doc.tenantName, doc.period, doc.status];
  return csvLines([
    HEADER,
    ...[...doc.lines, ...doc.adjustments].map((line) => [...head, line.service, line.model, line.units, line.unit, line.apiCalls, line.amountUsd, line.adjustmentOf ?? '']),
    [...head, 'TOTAL', '', '', '', '', doc.totalUsd, ''],
  ]);
}
