import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { MonthlySummariesDocument, type SummaryCardFragment } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { compareDecimals } from '../../shared/money';
import { periodLabel } from '../../shared/period';
import { readChoice, readString, withParams } from '../../shared/urlFilters';
import { EmptyState } from '../../shared/ui/EmptyState';
import { ErrorBanner } from '../../shared/ui/ErrorBanner';
import { SearchBox } from '../../shared/ui/SearchBox';
import { SkeletonCards } from '../../shared/ui/Skeleton';
import { SummaryCard } from './SummaryCard';

export const SUMMARY_SORTS = ['cost', 'usage'] as const;
export type SummarySort = (typeof SUMMARY_SORTS)[number];

/** Highest cost first (exact decimal comparison) or most API calls first; name breaks ties. */
export function sortSummaries<T extends Pick<SummaryCardFragment, 'totalCostUsd' | 'totalApiCalls' | 'tenant'>>(
  summaries: readonly T[],
  sort: SummarySort,
): T[] {
  return [...summaries].sort((a, b) => {
    const primary =
      sort === 'cost' ? compareDecimals(b.totalCostUsd, a.totalCostUsd) : b.totalApiCalls - a.totalApiCalls;
    return primary || a.tenant.name.localeCompare(b.tenant.name);
  });
}

export function MonthlySummariesTab({ period }: { period: string }) {
  const [params, setParams] = useSearchParams();
  const search = readString(params, 'q') ?? '';
  const sort = readChoice(params, 'sort', SUMMARY_SORTS, 'cost');
  const { data, previousData, loading, error, refetch } = useQuery(MonthlySummariesDocument, {
    variables: { period, search: search || undefined },
    pollInterval: usePollInterval(),
  });
  const shown = data ?? previousData;
  const summaries = shown ? sortSummaries(shown.monthlySummaries, sort) : [];

  return (
    <div>
      <div className="toolbar">
        <SearchBox
          label="Search customers"
          value={search}
          onCommit={(q) => setParams(withParams(params, { q }), { replace: true })}
        />
        <div className="inline-field">
          <label htmlFor="summary-sort">Sort by</label>
          <select id="summary-sort" value={sort} onChange={(e) => setParams(withParams(params, { sort: e.target.value === 'cost' ? undefined : e.target.value }))}>
            <option value="cost">Cost (highest first)</option>
            <option value="usage">Usage (most API calls)</option>
          </select>
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonCards count={6} label="Loading monthly summaries" />}
      {shown && summaries.length === 0 && (
        search ? (
          <EmptyState title={`No customer matching “${search}” has usage in ${periodLabel(period)}.`} hint="Check the spelling, clear the search or pick another month." />
        ) : (
          <EmptyState
            title={`No usage recorded in ${periodLabel(period)}.`}
            hint="Pick another month, or give a customer an API key (Customers → API keys) so their integration can record usage."
          />
        )
      )}
      {summaries.length > 0 && (
        <div className={`card-grid card-grid-3${loading ? ' is-refreshing' : ''}`}>
          {summaries.map((s) => (
            <SummaryCard key={s.tenant.id} summary={s} />
          ))}
        </div>
      )}
    </div>
  );
}
