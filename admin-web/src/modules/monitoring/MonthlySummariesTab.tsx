import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { EmptyState, ErrorBanner, SearchBox, SkeletonCards, useToast } from '@usage-monitor/web-kit/ui';
import { withParams } from '@usage-monitor/web-kit/url';
import { MonthlySummariesDocument, type MonthlySummaryOrder } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { API } from '../../app/env';
import { downloadCsv } from '../usage-logs/exportCsv';
import { readChoice, readString } from '../../shared/urlFilters';
import { SummaryCard } from './SummaryCard';

export const SUMMARY_SORTS = ['cost', 'usage', 'name'] as const;
export type SummarySort = (typeof SUMMARY_SORTS)[number];
/** Cards per page: eight rows of the three-column grid. The bench (B4) probes this same page. */
export const SUMMARY_PAGE_SIZE = 24;

/** The server orders and pages (ties by name); the URL keeps its short words. */
const ORDER_BY: Record<SummarySort, MonthlySummaryOrder> = {
  cost: 'TOTAL_COST_DESC',
  usage: 'API_CALLS_DESC',
  name: 'TENANT_NAME_ASC',
};

export function MonthlySummariesTab({ period }: { period: string }) {
  const [params, setParams] = useSearchParams();
  const search = readString(params, 'q') ?? '';
  const sort = readChoice(params, 'sort', SUMMARY_SORTS, 'cost');
  const pollInterval = usePollInterval();
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState(false);
  const toast = useToast();
  // The first page is all that shows until "Show more" adds one (a new period, search or order
  // starts again from one page).
  const [extendedFor, setExtendedFor] = useState<string | null>(null);
  const listing = JSON.stringify([period, search, sort]);
  const extended = extendedFor === listing;
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(MonthlySummariesDocument, {
    variables: { period, search: search || undefined, orderBy: ORDER_BY[sort], first: SUMMARY_PAGE_SIZE },
    // A poll reloads the first page only (the cache policy starts the listing again), so it
    // would take back the pages "Show more" added: live refresh runs while one page is shown.
    pollInterval: extended ? 0 : pollInterval,
  });

  const shown = (data ?? previousData)?.monthlySummaryPage;
  const summaries = shown?.nodes ?? [];

  const showMore = async () => {
    if (!shown?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: shown.pageInfo.endCursor } });
      setExtendedFor(listing);
    } finally {
      setLoadingMore(false);
    }
  };

  const exportMargins = async () => {
    setExporting(true);
    try {
      await downloadCsv(API.marginsExportUrl(period), `margins-${period}.csv`);
    } catch (e) {
      toast.push((e as Error).message, 'danger');
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      <div className="toolbar">
        <SearchBox label="Search customers" value={search} onCommit={(q) => setParams(withParams(params, { q }), { replace: true })} />
        <div className="inline-field">
          <label htmlFor="summary-sort">Sort by</label>
          <select id="summary-sort" value={sort} onChange={(e) => setParams(withParams(params, { sort: e.target.value === 'cost' ? undefined : e.target.value }))}>
            <option value="cost">Cost (highest first)</option>
            <option value="usage">Usage (most API calls)</option>
            <option value="name">Name (A to Z)</option>
          </select>
        </div>
        {shown && summaries.length > 0 && (
          <span className="muted small" aria-live="polite">
            Showing {summaries.length} of {shown.totalCount} customers{extended ? ' · live refresh paused' : ''}
          </span>
        )}
        <button type="button" className="button" onClick={() => void exportMargins()} disabled={exporting} aria-busy={exporting}>
          {exporting ? 'Exporting…' : 'Export margins (CSV)'}
        </button>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonCards count={6} label="Loading monthly summaries" />}
      {shown && summaries.length === 0 && (
        search ? (
          <EmptyState title={`No customer matching “${search}” has usage in ${formatPeriod(period)}.`} hint="Check the spelling, clear the search or pick another month." />
        ) : (
          <EmptyState
            title={`No usage recorded in ${formatPeriod(period)}.`}
            hint="Pick another month, or give a customer an API key (Customers → API keys) so their integration can record usage."
          />
        )
      )}
      {summaries.length > 0 && (
        <div className={`card-grid card-grid-3${loading && !loadingMore ? ' is-refreshing' : ''}`}>
          {summaries.map((s) => (
            <SummaryCard key={s.tenant.id} summary={s} />
          ))}
        </div>
      )}
      {shown?.pageInfo.hasNextPage && (
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void showMore()} disabled={loadingMore} aria-busy={loadingMore}>
            {loadingMore ? 'Loading…' : `Show ${Math.min(SUMMARY_PAGE_SIZE, shown.totalCount - summaries.length)} more`}
          </button>
        </div>
      )}
    </div>
  );
}
