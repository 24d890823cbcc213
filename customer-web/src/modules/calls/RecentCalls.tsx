import { useQuery } from '@apollo/client/react';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import {
  formatCount,
  formatLogUnits,
  parseService,
  parseUsageSource,
  SERVICE_LABELS,
  SERVICES,
  USAGE_SOURCE_LABELS,
} from '@usage-monitor/web-kit/units';
import { useSearchParam } from '@usage-monitor/web-kit/url';
import { ErrorBanner, TableScroll, UsageSourceLabel, UsageSourceSelect, VoidedNote } from '@usage-monitor/web-kit/ui';
import { RecentCallsDocument } from '../../__generated__/graphql';
import { usePollFallback } from '../auth/session-context';
import { PortalEndUserFilter, useEndUserParam } from '../end-users/PortalEndUserFilter';
import { ExportCsv } from './ExportCsv';

export function RecentCalls() {
  const [serviceParam, setServiceParam] = useSearchParam('service');
  const service = parseService(serviceParam);
  const [sourceParam, setSourceParam] = useSearchParam('source');
  const source = parseUsageSource(sourceParam);
  const [endUser] = useEndUserParam();
  const pollInterval = usePollFallback();
  const { data, previousData, loading, error, refetch } = useQuery(RecentCallsDocument, {
    variables: { service, source, endUser },
    pollInterval,
  });
  // previousData may be another filter's calls: only worth showing when this filter failed to load.
  const logs = (data ?? (error ? previousData : undefined))?.usageLogs;
  const serviceName = service ? SERVICE_LABELS[service] : undefined;
  const whose = endUser ? ` of ${endUser}` : '';
  const how = source ? ` with source ${USAGE_SOURCE_LABELS[source]}` : '';

  return (
    <section className="panel" aria-labelledby="recent-title">
      <div className="panel-head">
        <h2 id="recent-title">Recent calls</h2>
        <PortalEndUserFilter />
        <div className="field field-inline">
          <label htmlFor="service-filter">Service</label>
          <select
            id="service-filter"
            value={service ?? ''}
            onChange={(e) => setServiceParam(e.target.value || undefined)}
          >
            <option value="">All services</option>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {SERVICE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-inline">
          <label htmlFor="source-filter">Source</label>
          <UsageSourceSelect id="source-filter" value={source} onChange={setSourceParam} />
        </div>
      </div>
      <ExportCsv service={service} source={source} endUser={endUser} />

      <ErrorBanner error={error} message={logs ? 'Recent calls could not be refreshed.' : 'Recent calls could not be loaded.'} onRetry={() => void refetch()} />
      {!logs && loading && <p className="muted">Loading recent calls…</p>}
      {logs && logs.nodes.length === 0 && (
        <p className="empty-state">
          {serviceName ? `No ${serviceName} calls${whose}${how} recorded yet.` : `No calls${whose}${how} recorded yet.`}
        </p>
      )}
      {logs && logs.nodes.length > 0 && (
        <TableScroll label="Recent calls table">
          {/* Explicit roles: the phone layout restyles rows as cards, which drops table semantics in some browsers. */}
          <table className="data-table calls-table" role="table">
            <caption className="visually-hidden">
              The last {logs.nodes.length} {serviceName ?? ''} calls, newest first
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">
                  Time
                </th>
                <th role="columnheader" scope="col">
                  Service
                </th>
                <th role="columnheader" scope="col">
                  Model
                </th>
                <th role="columnheader" scope="col">
                  Usage
                </th>
                <th role="columnheader" scope="col" className="num">
                  Cost
                </th>
                <th role="columnheader" scope="col">
                  Status
                </th>
                <th role="columnheader" scope="col">
                  Source
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {logs.nodes.map((log) => {
                const units = formatLogUnits(log);
                return (
                  <tr key={log.id} role="row" className={log.voidedAt ? 'row-voided' : undefined}>
                    <td role="cell" className="cell-time">
                      <time dateTime={log.occurredAt}>{formatDateTime(log.occurredAt)}</time>
                    </td>
                    <td role="cell" className="cell-service">
                      {SERVICE_LABELS[log.service]}
                    </td>
                    <td role="cell" className="cell-model">
                      {log.model ?? <span className="muted">—</span>}
                    </td>
                    <td role="cell" className="cell-usage">
                      {units.text}
                      {units.detail && <span className="cell-note">{units.detail}</span>}
                    </td>
                    <td role="cell" className="num money cell-cost">
                      {log.pricingStatus === 'UNPRICED' ? (
                        <span className="badge badge-neutral" title="No price is set for this model yet">
                          Not priced
                        </span>
                      ) : (
                        formatUsd(log.costUsd)
                      )}
                    </td>
                    <td role="cell" className="cell-status voided-cell">
                      <span className={`badge ${log.status === 'ERROR' ? 'badge-danger' : 'badge-success'}`}>
                        {log.status === 'ERROR' ? 'Failed' : 'Succeeded'}
                      </span>
                      {/* Corrected by the platform: shown (it was recorded) but counted nowhere. */}
                      <VoidedNote log={log} />
                    </td>
                    <td role="cell" className="cell-source">
                      <UsageSourceLabel source={log.source} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {logs && logs.totalCount > logs.nodes.length && (
        <p className="muted small">
          Showing the latest {formatCount(logs.nodes.length)} of {formatCount(logs.totalCount)} calls. Export a month
          as CSV for all of them.
        </p>
      )}
    </section>
  );
}
