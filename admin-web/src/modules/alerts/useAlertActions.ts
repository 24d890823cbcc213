import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { errorMessage } from '@usage-monitor/web-kit/apollo';
import { useToast } from '@usage-monitor/web-kit/ui';
import { AcknowledgeAlertDocument, ResolveAlertDocument } from '../../__generated__/graphql';
import { useRefetchActive } from '../../shared/refetch';

// Lists filtered by status and counts of active alerts; the alert itself updates in the normalised cache.
const COUNT_QUERIES = ['Overview', 'ActiveAlerts', 'Alerts', 'CustomerOverview'];

/** Acknowledge/resolve with a per-alert busy flag and a toast on failure. */
export function useAlertActions() {
  const toast = useToast();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const refetch = useRefetchActive();
  const [acknowledge] = useMutation(AcknowledgeAlertDocument);
  const [resolve] = useMutation(ResolveAlertDocument);

  const run = async (id: string, action: 'acknowledge' | 'resolve') => {
    setPending((p) => new Set(p).add(id));
    try {
      if (action === 'acknowledge') await acknowledge({ variables: { id } });
      else await resolve({ variables: { id } });
      void refetch(COUNT_QUERIES);
      toast.push(action === 'acknowledge' ? 'Alert acknowledged' : 'Alert resolved', 'success');
    } catch (error) {
      toast.push(`Could not ${action} the alert: ${errorMessage(error)}`, 'danger');
    } finally {
      setPending((p) => {
        const next = new Set(p);
        next.delete(id);
        return next;
      });
    }
  };

  return {
    acknowledge: (id: string) => run(id, 'acknowledge'),
    resolve: (id: string) => run(id, 'resolve'),
    isPending: (id: string) => pending.has(id),
  };
}
