import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorBanner } from '@usage-monitor/web-kit/ui';
import { ActiveAlertsDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { AlertBox } from '../alerts/AlertBox';
import { alertSeverity } from '../alerts/describeAlert';
import { useAlertActions } from '../alerts/useAlertActions';

/** Shown only while some alert is ACTIVE; exceeded quotas first. */
export function ActiveAlertsSection() {
  const { data, previousData, error, refetch } = useQuery(ActiveAlertsDocument, { pollInterval: usePollInterval() });
  const actions = useAlertActions();
  const canChange = useCanChange();
  const shown = data ?? previousData;
  // An acknowledged alert changes status in the cache before the list is refetched: drop it at once.
  const active = (shown?.alerts ?? [])
    .filter((a) => a.status === 'ACTIVE')
    .sort((a, b) => Number(alertSeverity(a.type) !== 'critical') - Number(alertSeverity(b.type) !== 'critical'));

  if (!active.length && !error) return null;
  return (
    <section className="section" aria-labelledby="active-alerts-heading">
      <div className="section-head">
        <h2 id="active-alerts-heading">
          Active alerts <span className="count-pill">{active.length}</span>
        </h2>
        <Link to="/alerts?status=ACTIVE" className="text-link">
          All alerts →
        </Link>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      <ul className="alert-list">
        {active.map((alert) => (
          <AlertBox key={alert.id} alert={alert} onAcknowledge={canChange ? actions.acknowledge : undefined} busy={actions.isPending(alert.id)} />
        ))}
      </ul>
    </section>
  );
}
