import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { currentPeriod, formatPeriod, isPeriod } from '@usage-monitor/web-kit/periods';
import { SkeletonCards, TabLinks } from '@usage-monitor/web-kit/ui';
import { withParams } from '@usage-monitor/web-kit/url';
import { readChoice } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PeriodPicker } from '../../shared/ui/PeriodPicker';
import { ActiveAlertsSection } from './ActiveAlertsSection';
import { MonthlySummariesTab } from './MonthlySummariesTab';
import { OverviewCards } from './OverviewCards';
import { RecentActivityTab } from './RecentActivityTab';

// chart.js (~70 KB gzipped) only loads when someone opens this tab.
const ServiceBreakdownTab = lazy(() => import('./ServiceBreakdownTab').then((m) => ({ default: m.ServiceBreakdownTab })));

const TABS = [
  { id: 'summaries', label: 'Monthly Summaries' },
  { id: 'activity', label: 'Recent Activity' },
  { id: 'breakdown', label: 'Service Breakdown' },
] as const;

export function MonitoringPage() {
  useDocumentTitle('Usage Monitoring');
  const [params, setParams] = useSearchParams();
  const tab = readChoice(params, 'tab', TABS.map((t) => t.id), 'summaries');
  const rawPeriod = params.get('period');
  const period = isPeriod(rawPeriod) ? rawPeriod : currentPeriod();

  return (
    <>
      <PageHeader
        title="Usage Monitoring"
        description={`All customers · ${formatPeriod(period)}`}
        actions={
          <PeriodPicker
            value={period}
            onChange={(p) => setParams(withParams(params, { period: p === currentPeriod() ? undefined : p }))}
          />
        }
      />
      <OverviewCards period={period} />
      <ActiveAlertsSection />
      <section className="section">
        <TabLinks tabs={TABS} current={tab} label="Usage views" keep={['period']} />
        <div className="tab-panel">
          {tab === 'summaries' && <MonthlySummariesTab period={period} />}
          {tab === 'activity' && <RecentActivityTab />}
          {tab === 'breakdown' && (
            <Suspense fallback={<SkeletonCards count={3} label="Loading charts" />}>
              <ServiceBreakdownTab period={period} />
            </Suspense>
          )}
        </div>
      </section>
    </>
  );
}
