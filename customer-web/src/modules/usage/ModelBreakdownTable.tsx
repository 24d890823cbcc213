import { useQuery } from '@apollo/client/react';
import { UsageByModelDocument } from '../../__generated__/graphql';
import { compareDecimals, formatUsd } from '../../shared/money';
import { SERVICE_LABELS } from '../../shared/services';
import { formatCount, formatServiceUnits } from '../../shared/units';

export function ModelBreakdownTable({ period }: { period: string }) {
  const { data, previousData, loading, error, refetch } = useQuery(UsageByModelDocument, { variables: { period } });
  const rows = [...((data ?? previousData)?.usageByModel ?? [])].sort((a, b) => compareDecimals(b.costUsd, a.costUsd));

  return (
    <div className="table-block">
      <h3 id="by-model-title">By model</h3>
      {error && (
        <p className="banner banner-error" role="alert">
          The breakdown by model could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void refetch()}>
            Try again
          </button>
        </p>
      )}
      {loading && rows.length === 0 && <p className="muted">Loading models…</p>}
      {!loading && !error && rows.length === 0 && <p className="muted">No calls this month yet.</p>}
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="by-model-title" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Service</th>
                <th scope="col" className="num">
                  Calls
                </th>
                <th scope="col" className="num">
                  Failed
                </th>
                <th scope="col">Usage</th>
                <th scope="col" className="num">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.service}:${row.model ?? ''}`}>
                  <th scope="row">{row.model ?? <span className="muted">(no model given)</span>}</th>
                  <td>{SERVICE_LABELS[row.service]}</td>
                  <td className="num">{formatCount(row.apiCalls)}</td>
                  <td className="num">{formatCount(row.errorCalls)}</td>
                  <td>{formatServiceUnits(row.service, row.units)}</td>
                  <td className="num money">{formatUsd(row.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
