import { formatMoney, ZERO, type Money } from '../../core/lib/money.js';
import type { StatementRecord } from './statements.service.js';

/** The platform's name on every statement. */
export const PLATFORM_NAME = 'Usage Monitor';

/**
 * What a downloaded statement shows, shared by the PDF and the CSV so the two never differ:
 * amounts exact (every digit the total is made of, at least cents), units as counted (minutes
 * to 2 decimals; the line's amount is exact whatever the units' rounding).
 */
export interface StatementDocument {
  platform: string;
  tenantName: string;
  period: string;
  /** The number, or "OPEN — not final". */
  number: string;
  status: 'OPEN' | 'FINAL';
  finalizedAt: string | null;
  lines: DocumentLine[];
  adjustments: DocumentLine[];
  monthTotalUsd: string;
  adjustmentsTotalUsd: string;
  totalUsd: string;
}

export interface DocumentLine {
  service: string;
  model: string;
  units: string;
  unit: string;
  apiCalls: string;
  amountUsd: string;
  adjustmentOf: string | null;
}

export function amountText(value: Money): string {
  const text = formatMoney(value);
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

export function statementDocument(record: StatementRecord, tenantName: string): StatementDocument {
  const toLine = (line: StatementRecord['lines'][number]): DocumentLine => ({
    service: line.service,
    model: line.model || '(none)',
    units: line.unit === 'minutes' ? line.units.toDecimalPlaces(2).toFixed(2) : line.units.toFixed(0),
    unit: line.unit,
    apiCalls: String(line.apiCalls),
    amountUsd: amountText(line.amountUsd),
    adjustmentOf: line.adjustmentOf,
  });
  const own = record.lines.filter((line) => line.adjustmentOf === null);
  const adjustments = record.lines.filter((line) => line.adjustmentOf !== null);
  const sum = (lines: typeof own) => lines.reduce((total, line) => total.plus(line.amountUsd), ZERO);
  return {
    platform: PLATFORM_NAME,
    tenantName,
    period: record.period,
    number: record.number ?? 'OPEN — not final',
    status: record.status,
    finalizedAt: record.finalizedAt ? record.finalizedAt.toISOString().slice(0, 10) : null,
    lines: own.map(toLine),
    adjustments: adjustments.map(toLine),
    monthTotalUsd: amountText(sum(own)),
    adjustmentsTotalUsd: amountText(sum(adjustments)),
    totalUsd: amountText(record.totalUsd),
  };
}
