import type { ReactNode } from 'react';

export interface Column<Row> {
  /** Stable key of the column (React key, and the default header). */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The cell names its row for screen readers (rendered as <th scope="row">). */
  rowHeader?: boolean;
  className?: string;
  /** Shown as the cell's label when a narrow screen stacks the row as a card. */
  label?: string;
}

export interface DataTableProps<Row> {
  /** Accessible name of the table and of its scrollable region. */
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row) => string | undefined;
  /** Shown in place of the table when there are no rows. */
  empty?: ReactNode;
  /** Rows of a <tfoot> (totals). */
  footer?: ReactNode;
  className?: string;
  /** Names the region by an existing heading instead of `label`. */
  labelledBy?: string;
}

/**
 * A table in a keyboard-scrollable region: wide tables scroll sideways on a phone instead of
 * breaking the page, and a screen reader hears the table's name on both.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowClassName,
  empty,
  footer,
  className,
  labelledBy,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <TableScroll label={label} labelledBy={labelledBy}>
      <table
        className={`data-table${className ? ` ${className}` : ''}`}
        aria-label={labelledBy ? undefined : label}
        aria-labelledby={labelledBy}
      >
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
              {columns.map((c) => {
                const cls =
                  [c.numeric ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
                const dataLabel = c.label ?? (typeof c.header === 'string' ? c.header : undefined);
                return c.rowHeader ? (
                  <th key={c.key} scope="row" className={cls} data-label={dataLabel}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td key={c.key} className={cls} data-label={dataLabel}>
                    {c.cell(row, i)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </TableScroll>
  );
}

/** The scrollable, focusable region around a table (tabIndex 0 so keyboard users can scroll it). */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
