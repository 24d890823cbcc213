import { Tabs } from '@usage-monitor/web-kit/ui';
import { useSearchParam } from '@usage-monitor/web-kit/url';
import type { ServiceCardFragment } from '../../__generated__/graphql';
import { CurrentMonthTab } from './CurrentMonthTab';
import { HistoryTab } from './HistoryTab';

export type UsageTab = 'current' | 'history';

const TABS: readonly { id: UsageTab; label: string }[] = [
  { id: 'current', label: 'Current month' },
  { id: 'history', label: 'Usage history' },
];

/** `?tab=history` selects the history; anything else (or nothing) the current month. */
export function parseTab(value: string | null): UsageTab {
  return value === 'history' ? 'history' : 'current';
}

interface UsageTabsProps {
  period: string;
  totalCostUsd: string;
  services: readonly ServiceCardFragment[];
}

export function UsageTabs({ period, totalCostUsd, services }: UsageTabsProps) {
  const [tabParam, setTabParam] = useSearchParam('tab');
  const tab = parseTab(tabParam);
  return (
    <section className="panel" aria-label="Usage details">
      <Tabs
        label="Usage details"
        idPrefix="usage"
        tabs={TABS}
        selected={tab}
        onSelect={(id) => setTabParam(id === 'current' ? undefined : id)}
      >
        {tab === 'current' ? (
          <CurrentMonthTab period={period} totalCostUsd={totalCostUsd} services={services} />
        ) : (
          <HistoryTab />
        )}
      </Tabs>
    </section>
  );
}
