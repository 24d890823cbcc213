import { useCallback, useEffect, useRef } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import {
  AlertRaisedDocument,
  UsageDashboardDocument,
  UsageUpdatedDocument,
  type AlertItemFragment,
} from '../../__generated__/graphql';
import { useSocketState } from '../auth/session-context';

/** Queries whose numbers move when usage is recorded; refetched on a push, only while on screen. */
const LIVE_QUERIES = new Set(['UsageDashboard', 'RecentCalls', 'UsageByModel', 'DailyCost', 'UsageHistory']);
/** usageUpdated may arrive every second: coalesce refetches so a busy tenant does not hammer the API. */
const REFETCH_GAP_MS = 2_000;
const RESUBSCRIBE_AFTER_MS = 15_000;

function addAlertToDashboard(cache: ApolloCache, alert: AlertItemFragment): void {
  cache.updateQuery({ query: UsageDashboardDocument }, (data) =>
    data
      ? {
          usageDashboard: {
            ...data.usageDashboard,
            alerts: [alert, ...data.usageDashboard.alerts.filter((a) => a.id !== alert.id)],
          },
        }
      : data,
  );
}

/**
 * Live updates for the usage page: `usageUpdated` refetches what is shown, `alertRaised` puts the
 * alert on screen at once, and a socket that comes back triggers a catch-up refetch.
 */
export function useLiveUsage(onAlert: (alert: AlertItemFragment) => void): void {
  const client = useApolloClient();
  const socket = useSocketState();
  const lastRefetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refetchLive = useCallback(() => {
    if (pending.current) return;
    const wait = Math.max(0, lastRefetch.current + REFETCH_GAP_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      lastRefetch.current = Date.now();
      void client
        .refetchQueries({
          include: 'active',
          onQueryUpdated: (query) => (LIVE_QUERIES.has(query.queryName ?? '') ? query.refetch() : false),
        })
        .catch(() => {
          // Each query shows its own error; a failed background refresh needs nothing more.
        });
    }, wait);
  }, [client]);

  useEffect(() => () => clearTimeout(pending.current), []);

  const usage = useSubscription(UsageUpdatedDocument, { onData: refetchLive });
  const alerts = useSubscription(AlertRaisedDocument, {
    onData: ({ data }) => {
      const alert = data.data?.alertRaised;
      if (!alert) return;
      addAlertToDashboard(client.cache, alert);
      onAlert(alert);
      refetchLive();
    },
  });

  // A subscription the server ended with an error is not retried by the socket: start it again later.
  const { error: usageError, restart: restartUsage } = usage;
  const { error: alertError, restart: restartAlerts } = alerts;
  useEffect(() => {
    if (!usageError) return;
    const timer = setTimeout(restartUsage, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [usageError, restartUsage]);
  useEffect(() => {
    if (!alertError) return;
    const timer = setTimeout(restartAlerts, RESUBSCRIBE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [alertError, restartAlerts]);

  // Whatever happened while the socket was down was not pushed: catch up once it is back.
  const wasDown = useRef(false);
  useEffect(() => {
    if (socket === 'reconnecting') wasDown.current = true;
    if (socket === 'live' && wasDown.current) {
      wasDown.current = false;
      refetchLive();
    }
  }, [socket, refetchLive]);
}
