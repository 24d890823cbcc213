import { useId, type ReactNode } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SearchBox } from '../ui/SearchBox';
import { SkeletonRows } from '../ui/Skeleton';
import { formatCount } from '../units/units';
import { END_USER_ORDER_LABELS, END_USER_ORDERS, END_USER_RANGES, rangeLabel, type EndUserOrderName } from './end-user-rules';
import { EndUserTable, type EndUserTableProps } from './EndUserTable';
import type { EndUserRowData } from './end-user-types';
import type { EndUserList } from './useEndUserList';

export interface EndUserConnectionData {
  nodes: readonly EndUserRowData[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** The full end-user list: search, order, range, the table with expandable rows, and paging. */
export function EndUsersPanel({
  list,
  connection,
  pageSize,
  loading,
  error,
  onRetry,
  toolbar,
  emptyHint,
  ...table
}: {
  list: EndUserList;
  connection: EndUserConnectionData | undefined;
  pageSize: number;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** More filters placed before the search box (the admin's customer choice). */
  toolbar?: ReactNode;
  emptyHint?: ReactNode;
} & Omit<EndUserTableProps, 'rows' | 'rankFrom'>) {
  const sortId = useId();
  const start = list.pageIndex * pageSize;
  const nodes = connection?.nodes ?? [];

  return (
    <div className="eu-panel">
      <div className="toolbar toolbar-wrap" role="group" aria-label="End-user filters">
        {toolbar}
        <SearchBox value={list.search} onCommit={list.setSearch} label="Search end users" placeholder="User id contains…" visibleLabel />
        <div className="inline-field">
          <label htmlFor={sortId}>Sort by</label>
          <select id={sortId} value={list.order} onChange={(e) => list.setOrder(e.target.value as EndUserOrderName)}>
            {END_USER_ORDERS.map((order) => (
              <option key={order} value={order}>
                {END_USER_ORDER_LABELS[order]}
              </option>
            ))}
          </select>
        </div>
        <div className="segmented" role="group" aria-label="Range">
          {END_USER_RANGES.map((days) => (
            <button key={days} type="button" className="segment" aria-pressed={days === list.days} onClick={() => list.setDays(days)}>
              {rangeLabel(days)}
            </button>
          ))}
        </div>
      </div>
      <ErrorBanner error={error} onRetry={onRetry} stale={!!connection} />
      {!connection && loading && <SkeletonRows rows={8} label="Loading end users" />}
      {connection && nodes.length === 0 && (
        <EmptyState
          title={list.search ? `No end user matches “${list.search}” in the last ${rangeLabel(list.days)}.` : `No end user has usage in the last ${rangeLabel(list.days)}.`}
          hint={list.search ? 'Try part of the id, or a longer range.' : emptyHint}
        />
      )}
      {connection && nodes.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            Showing {formatCount(start + 1)}–{formatCount(start + nodes.length)} of {formatCount(connection.totalCount)} end users · last {rangeLabel(list.days)}
          </p>
          <div className={loading ? 'is-refreshing' : undefined}>
            <EndUserTable {...table} rows={nodes} rankFrom={list.order === 'COST_DESC' ? start : undefined} />
          </div>
        </>
      )}
      {connection && (list.pageIndex > 0 || connection.pageInfo.hasNextPage) && (
        <nav className="pagination" aria-label="End-user pages">
          <button type="button" className="button button-small" onClick={list.previous} disabled={list.pageIndex === 0}>
            ← Previous
          </button>
          <span className="muted small">Page {list.pageIndex + 1}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => connection.pageInfo.endCursor && list.next(connection.pageInfo.endCursor)}
            disabled={!connection.pageInfo.hasNextPage || loading}
          >
            Next →
          </button>
        </nav>
      )}
    </div>
  );
}
