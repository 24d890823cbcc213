import type { ReactNode } from 'react';
import { formatUsdExact } from '../money';
import { formatDate, formatPeriod } from '../periods';
import { Badge, TableScroll } from '../ui';
import type { StatementFormat, StatementRowData } from './statement-types';

export interface StatementsTableProps<T extends StatementRowData> {
  statements: readonly T[];
  /** The admin's list spans customers; a customer's is its own. */
  showCustomer?: boolean;
  /** The customer's name as the page links it (admin: to its page). */
  renderCustomer?: (statement: T) => ReactNode;
  onDownload: (statement: T, format: StatementFormat) => void;
  /** The statement being downloaded, if any: its buttons wait. */
  downloading?: string | null;
  /** More per-row actions (the admin's Finalize). */
  renderActions?: (statement: T) => ReactNode;
}

/** Statements, newest period first: number or OPEN, total, finalized date, PDF and CSV. */
export function StatementsTable<T extends StatementRowData>({ statements, showCustomer = false, renderCustomer, onDownload, downloading, renderActions }: StatementsTableProps<T>) {
  return (
    <TableScroll label="Statements">
      <table className="data-table">
        <caption className="visually-hidden">Statements</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {showCustomer && <th scope="col">Customer</th>}
            <th scope="col">Number</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Finalized</th>
            <th scope="col">Download</th>
            {renderActions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => {
            const busy = downloading === s.id;
            const label = `${s.tenant.name} ${formatPeriod(s.period)}`;
            return (
              <tr key={s.id}>
                <td className="nowrap">{formatPeriod(s.period)}</td>
                {showCustomer && <td className="nowrap">{renderCustomer ? renderCustomer(s) : s.tenant.name}</td>}
                <td className="nowrap">{s.number ? <code>{s.number}</code> : <span className="muted">not final yet</span>}</td>
                <td>
                  <Badge tone={s.status === 'FINAL' ? 'success' : 'info'}>{s.status === 'FINAL' ? 'Final' : 'Open'}</Badge>
                </td>
                <td className="num nowrap">{formatUsdExact(s.totalUsd)}</td>
                <td className="nowrap">{s.finalizedAt ? formatDate(s.finalizedAt) : <span className="muted">—</span>}</td>
                <td className="nowrap">
                  <button type="button" className="button button-small" disabled={busy} onClick={() => onDownload(s, 'pdf')} aria-label={`Download PDF of ${label}`}>
                    PDF
                  </button>{' '}
                  <button type="button" className="button button-small" disabled={busy} onClick={() => onDownload(s, 'csv')} aria-label={`Download CSV of ${label}`}>
                    CSV
                  </button>
                </td>
                {renderActions && <td className="nowrap">{renderActions(s)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
