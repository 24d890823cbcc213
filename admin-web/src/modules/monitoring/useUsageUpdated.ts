import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { UsageUpdatedDocument, type UsageUpdatedSubscription } from '../../__generated__/graphql';

/**
 * Calls `onUpdate` for `usageUpdated` events, at most once per `throttleMs` (trailing call kept),
 * so a burst of recorded usage causes one refetch rather than hundreds.
 */
export function useUsageUpdated(
  onUpdate: (update: UsageUpdatedSubscription['usageUpdated']) => void,
  { throttleMs = 1000, enabled = true }: { throttleMs?: number; enabled?: boolean } = {},
): void {
  const callback = useRef(onUpdate);
  const lastRun = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef<UsageUpdatedSubscription['usageUpdated'] | null>(null);

  useEffect(() => {
    callback.current = onUpdate;
  }, [onUpdate]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  useSubscription(UsageUpdatedDocument, {
    skip: !enabled,
    ignoreResults: true,
    onData: ({ data }) => {
      const update = data.data?.usageUpdated;
      if (!update) return;
      latest.current = update;
      const fire = () => {
        lastRun.current = Date.now();
        timer.current = undefined;
        if (latest.current) callback.current(latest.current);
      };
      const wait = lastRun.current + throttleMs - Date.now();
      if (wait <= 0) fire();
      else if (timer.current === undefined) timer.current = window.setTimeout(fire, wait);
    },
  });
}
