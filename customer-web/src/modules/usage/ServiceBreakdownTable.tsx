import { formatUsd, percentOf } from '@usage-monitor/web-kit/money';
import { DataTable, type Column } from '@usage-monitor/web-kit/ui';
import { formatCount, formatServiceUnits, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import type { ServiceCardFragment } from '../../__generated__/graphql';

interface ServiceBreakdownTableProps {
  services: readonly ServiceCardFragment[];
  totalCostUsd: string;
}

export function ServiceBreakdownTable({ services, totalCostUsd }: ServiceBreakdownTableProps) {
  const share = (cost: string) => {
    const percent = percentOf(cost, totalCostUsd, 1);
    return percent === null ? '—' : `${percent}%`;
  };
  const columns: readonly Column<ServiceCardFragment>[] = [
    { key: 'service', header: 'Service', rowHeader: true, cell: (s) => SERVICE_LABELS[s.service] },
    { key: 'usage', header: 'Usage', cell: (s) => formatServiceUnits(s.service, s.units) },
    { key: 'calls', header: 'Calls', numeric: true, cell: (s) => formatCount(s.apiCalls) },
    { key: 'cost', header: 'Cost', numeric: true, className: 'money', cell: (s) => formatUsd(s.costUsd) },
    { key: 'share', header: 'Share of cost', numeric: true, cell: (s) => share(s.costUsd) },
  ];
  return (
    <div className="table-block">
      <h3 id="by-service-title">By service</h3>
      <DataTable
        label="By service"
        labelledBy="by-service-title"
        columns={columns}
        rows={services}
        rowKey={(s) => s.service}
        footer={
          <tr>
            <th scope="row">Total</th>
            <td />
            <td className="num">{formatCount(services.reduce((sum, s) => sum + s.apiCalls, 0))}</td>
            <td className="num money">{formatUsd(totalCostUsd)}</td>
            <td className="num">{share(totalCostUsd)}</td>
          </tr>
        }
      />
    </div>
  );
}
