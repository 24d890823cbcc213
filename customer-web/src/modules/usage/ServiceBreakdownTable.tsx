import type { ServiceCardFragment } from '../../__generated__/graphql';
import { formatUsd, percentOf } from '../../shared/money';
import { SERVICE_LABELS } from '../../shared/services';
import { formatCount, formatServiceUnits } from '../../shared/units';

interface ServiceBreakdownTableProps {
  services: readonly ServiceCardFragment[];
  totalCostUsd: string;
}

export function ServiceBreakdownTable({ services, totalCostUsd }: ServiceBreakdownTableProps) {
  const share = (cost: string) => {
    const percent = percentOf(cost, totalCostUsd, 1);
    return percent === null ? '—' : `${percent} %`;
  };
  return (
    <div className="table-block">
      <h3 id="by-service-title">By service</h3>
      <div className="table-scroll" role="region" aria-labelledby="by-service-title" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Usage</th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Share of cost
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.service}>
                <th scope="row">{SERVICE_LABELS[s.service]}</th>
                <td>{formatServiceUnits(s.service, s.units)}</td>
                <td className="num">{formatCount(s.apiCalls)}</td>
                <td className="num money">{formatUsd(s.costUsd)}</td>
                <td className="num">{share(s.costUsd)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td className="num">{formatCount(services.reduce((sum, s) => sum + s.apiCalls, 0))}</td>
              <td className="num money">{formatUsd(totalCostUsd)}</td>
              <td className="num">{share(totalCostUsd)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
