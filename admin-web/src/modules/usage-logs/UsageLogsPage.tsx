import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { EmptyState, ErrorBanner, SkeletonRows, useToast } from '@usage-monitor/web-kit/ui';
import { formatCount } from '@usage-monitor/web-kit/units';
import { usePatchParams, withParams } from '@usage-monitor/web-kit/url';
import { UsageLogsDocument, type UsageLogRowFragment } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { parseUsageLogFilters, readChoice, readString, toUsageLogFilterInput, usageLogFilterParams } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { downloadUsageCsv } from './exportCsv';
import { UsageLogFiltersBar } from './UsageLogFiltersBar';
import { UsageLogTable } from './UsageLogTable';
import { VoidUsageDialog } from './VoidUsageDialog';

const PAGE_SIZES = [25, 50, 100] as const;

/** Cursors of the pages before this one ('' = first page), kept in history state so Back works too. */
function cursorStack(state: unknown): string[] {
  const cursors = (state as { cursors?: unknown } | null)?.cursors;
  return Array.isArray(cursors) ? cursors.filter((c): c is string => typeof c === 'string') : [];
}

export function UsageLogsPage() {
  useDocumentTitle('Usage Logs');
  const sizeId = useId();
  const [params, patchParams] = usePatchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const toast = useToast();
  const canChange = useCanChange();
  const [exporting, setExporting] = useState(false);
  const [voiding, setVoiding] = useState<UsageLogRowFragment | null>(null);
  const filters = parseUsageLogFilters(params);
  const after = readString(params, 'after');
  const first = readChoice(params, 'size', PAGE_SIZES, 50);
  const stack = cursorStack(location.state);
  // Live polling would move rows under someone paging through history: only the first page refreshes.
  const pollInterval = usePollInterval();
  const { data, previousData, loading, error, refetch } = useQuery(UsageLogsDocument, {
    variables: { filter: toUsageLogFilterInput(filters), first, after },
    pollInterval: after ? 0 : pollInterval,
  });
  const shown = data ?? previousData;
  const connection = shown?.usageLogs;
  const pageIndex = after ? Math.max(stack.length, 1) : 0;
  const start = pageIndex * first;

  const goNext = () => {
    if (!connection?.pageInfo.endCursor) return;
    navigate(`?${withParams(params, { after: connection.pageInfo.endCursor })}`, { state: { cursors: [...stack, after ?? ''] } });
  };
  const goPrevious = () => {
    const previous = stack.length ? stack[stack.length - 1] : '';
    navigate(`?${withParams(params, { after: previous || undefined })}`, { state: { cursors: stack.slice(0, -1) } });
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadUsageCsv(filters);
    } catch (e) {
      toast.push(e instanceof Error ? e.message : 'Export failed', 'danger');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Usage Logs"
        description="Every recorded call, newest first. Dates are UTC. A call recorded by mistake can be voided: it stops counting everywhere and stays listed, struck through."
        actions={
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={exporting} aria-busy={exporting}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        }
      />
      <UsageLogFiltersBar
        filters={filters}
        onChange={(patch) => patchParams((current) => usageLogFilterParams(current, patch))}
        onClear={() => patchParams((current) => withParams(new URLSearchParams(), { size: current.get('size') }))}
      />
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={10} label="Loading usage logs" />}
      {connection && connection.nodes.length === 0 && (
        Object.keys(filters).length ? (
          <EmptyState title="No calls match these filters." hint="Widen the date range or clear a filter." />
        ) : (
          <EmptyState title="No calls recorded yet." hint="Calls appear once an integration sends them through the metering gateway or reports them with recordUsage, with its customer’s API key." />
        )
      )}
      {connection && connection.nodes.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {/* totalCount leaves voided calls out (they count nowhere) while the list still shows them. */}
            Showing {formatCount(start + 1)}–{formatCount(start + connection.nodes.length)}{' '}
            {connection.nodes.some((log) => log.voidedAt)
              ? `· ${formatCount(connection.totalCount)} calls count; voided calls stay listed but are not counted`
              : `of ${formatCount(connection.totalCount)} calls`}
          </p>
          <div className={loading ? 'is-refreshing' : undefined}>
            <UsageLogTable rows={connection.nodes} caption="Usage logs" onVoid={canChange ? setVoiding : undefined} />
          </div>
        </>
      )}
      {connection && (
        <nav className="pagination" aria-label="Pagination">
          <button type="button" className="button button-small" onClick={goPrevious} disabled={!after}>
            ← Previous
          </button>
          <span className="muted small">Page {pageIndex + 1}</span>
          <button type="button" className="button button-small" onClick={goNext} disabled={!connection.pageInfo.hasNextPage || loading}>
            Next →
          </button>
          <div className="inline-field">
            <label htmlFor={sizeId}>Rows</label>
            <select id={sizeId} value={first} onChange={(e) => patchParams((current) => withParams(current, { size: e.target.value === '50' ? undefined : e.target.value, after: undefined }))}>
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </div>
        </nav>
      )}
      {voiding && (
        <VoidUsageDialog
          log={voiding}
          onClose={() => setVoiding(null)}
          // The Void button that opened the dialog is gone with the void: focus the page instead of losing it.
          onVoided={() => window.setTimeout(() => document.getElementById('main')?.focus())}
        />
      )}
    </>
  );
}
