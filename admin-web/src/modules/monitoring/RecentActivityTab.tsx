import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorBanner, SkeletonRows } from '@usage-monitor/web-kit/ui';
import { SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { withParams } from '@usage-monitor/web-kit/url';
import { RecentActivityDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { readEnum } from '../../shared/urlFilters';
import { UsageLogTable } from '../usage-logs/UsageLogTable';
import { useUsageUpdated } from './useUsageUpdated';

/** The last 50 calls across customers; new calls appear on top as they are recorded. */
export function RecentActivityTab() {
  const [params, setParams] = useSearchParams();
  const service = readEnum(params, 'service', SERVICES);
  const { data, previousData, loading, error, refetch } = useQuery(RecentActivityDocument, {
    variables: { filter: service ? { service } : undefined },
    pollInterval: usePollInterval(),
  });
  useUsageUpdated(() => void refetch());

  const shown = data ?? previousData;
  const rows = shown?.usageLogs.nodes ?? [];

  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!data) return;
    const ids = data.usageLogs.nodes.map((n) => n.id);
    // The first load (and each filter change) is not "new": only rows arriving later are marked.
    const isFirst = seen.current === null;
    const incoming = isFirst ? [] : ids.filter((id) => !seen.current!.has(id));
    seen.current = new Set(ids);
    if (incoming.length) setFresh(new Set(incoming));
  }, [data]);
  useEffect(() => {
    seen.current = null;
  }, [service]);

  return (
    <div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Filter by service">
          {[undefined, ...SERVICES].map((s) => (
            <button
              key={s ?? 'ALL'}
              type="button"
              className="segment"
              aria-pressed={s === service}
              onClick={() => setParams(withParams(params, { service: s }))}
            >
              {s ? SERVICE_LABELS[s] : 'All'}
            </button>
          ))}
        </div>
        {shown && <span className="muted small">Latest {rows.length} calls · updates live</span>}
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={8} label="Loading recent activity" />}
      {shown && rows.length === 0 && (
        <EmptyState
          title={service ? `No ${SERVICE_LABELS[service]} calls recorded yet.` : 'No calls recorded yet.'}
          hint="Calls appear here as integrations record usage with recordUsage and their API key."
        />
      )}
      {rows.length > 0 && <UsageLogTable rows={rows} caption="Recent API calls" highlightIds={fresh} />}
    </div>
  );
}
