import { stringify } from 'csv-stringify/sync';
import type { StatementDocument } from './statement-document.js';

const HEADER = ['statement', 'tenant', 'period', 'status', 'service', 'model', 'units', 'unit', 'api_calls', 'amount_usd', 'adjustment_of'];

/**
 * Text that starts like a spreadsheet formula (=, +, -, @, tab, CR or their full-width forms)
 * gets a leading `'`, as in the usage export (usage-export.ts csvLines). Only the text columns:
 * tenant names and models come from people; amounts and units are our exact decimals, and a
 * negative adjustment must stay a number ("-0.50"), which csv-stringify's own guard would quote.
 */
function text(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}

/** The statement's lines, its adjustment lines, and a total row, in the usage export's CSV dialect (RFC 4180, CRLF). */
export function statementCsv(doc: StatementDocument): string {
  const head = [doc.number, text(doc.tenantName), doc.period, doc.status];
  return stringify(
    [
      HEADER,
      ...[...doc.lines, ...doc.adjustments].map((line) => [...head, line.service, text(line.model), line.units, line.unit, line.apiCalls, line.amountUsd, line.adjustmentOf ?? '']),
      [...head, 'TOTAL', '', '', '', '', doc.totalUsd, ''],
    ],
    { record_delimiter: 'windows', quote_record_delimiter: true },
  );
}
