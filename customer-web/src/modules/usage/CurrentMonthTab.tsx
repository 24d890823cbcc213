import type { ServiceCardFragment } from '../../__generated__/graphql';
import { DailyCostChart } from './DailyCostChart';
import { ModelBreakdownTable } from './ModelBreakdownTable';
import { ServiceBreakdownTable } from './ServiceBreakdownTable';

interface CurrentMonthTabProps {
  period: string;
  totalCostUsd: string;
  services: readonly ServiceCardFragment[];
}

export function CurrentMonthTab({ period, totalCostUsd, services }: CurrentMonthTabProps) {
  if (services.every((s) => s.apiCalls === 0)) {
    return (
      <div className="empty-state">
        <p className="empty-title">No usage recorded this month yet</p>
        <p className="muted">Calls appear here within seconds of being made.</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <ServiceBreakdownTable services={services} totalCostUsd={totalCostUsd} />
      <DailyCostChart period={period} />
      <ModelBreakdownTable period={period} />
    </div>
  );
}
