import { lazy, Suspense } from 'react';
import { SkeletonRows, Tabs } from '@usage-monitor/web-kit/ui';
import { useSearchParam } from '@usage-monitor/web-kit/url';
import type { ServiceCardFragment } from '../../__generated__/graphql';
import { CurrentMonthTab } from './CurrentMonthTab';
import { HistoryTab } from './HistoryTab';

// Its own chunk: most visits never open it.
const EndUsersTab = lazy(() => import('../end-users/EndUsersTab').then((m) => ({ default: m.EndUsersTab })));

export type UsageTab = 'current' | 'history' | 'users';

const TABS: readonly { id: UsageTab; label: string }[] = [
  { id: 'current', label: 'Current month' },
  { id: 'history', label: 'Usage history' },
  { id: 'users', label: 'End users' },
];

/** `?tab=history` or `?tab=users` selects that tab; anything else (or nothing) the current month. */
export function parseTab(value: string | null): UsageTab {
  return value === 'history' || value === 'users' ? value : 'current';
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
        {tab === 'current' && <CurrentMonthTab period={period} totalCostUsd={totalCostUsd} services={services} />}
        {tab === 'history' && <HistoryTab />}
        {tab === 'users' && (
          <Suspense fallback={<SkeletonRows rows={6} label="Loading end users" />}>
            <EndUsersTab />
          </Suspense>
        )}
      </Tabs>
    </section>
  );
}
