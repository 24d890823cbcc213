import { useSubscription } from '@apollo/client/react';
import { useToast } from '@usage-monitor/web-kit/ui';
import { AlertRaisedDocument } from '../../__generated__/graphql';
import { refetchActive } from '../../shared/refetch';
import { alertSeverity, describeAlert } from './describeAlert';

/** Queries that list alerts or count them; refetched when a new alert arrives. */
const ALERT_QUERIES = ['ActiveAlerts', 'Alerts', 'Overview', 'CustomerOverview', 'QuotaStandings'];

/** Mounted once in the shell: every new alert refreshes alert views and shows a short toast. */
export function LiveAlerts() {
  const toast = useToast();
  useSubscription(AlertRaisedDocument, {
    onData: ({ data, client }) => {
      const alert = data.data?.alertRaised;
      if (!alert) return;
      const { issue, metric } = describeAlert(alert);
      toast.push(`New alert · ${alert.tenant.name}: ${metric}, ${issue.toLowerCase()}`, alertSeverity(alert.type) === 'critical' ? 'danger' : 'warning');
      void refetchActive(client, ALERT_QUERIES);
    },
  });
  return null;
}
