import type { SocketState } from '../apollo/socket-status';

const LABELS: Record<SocketState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  idle: 'Connecting…',
};

/** Whether pushed updates arrive; while they do not, the page polls and says so. */
export function LiveStatusBadge({ state, pollSeconds = 30 }: { state: SocketState; pollSeconds?: number }) {
  const tone = state === 'live' ? 'live' : state === 'reconnecting' ? 'down' : 'pending';
  return (
    <span
      className={`live-badge live-badge-${tone}`}
      role="status"
      title={
        state === 'live'
          ? 'Receiving live updates'
          : `Live updates paused; data refreshes every ${pollSeconds} s`
      }
    >
      <span className="live-dot" aria-hidden="true" />
      {LABELS[state]}
      {state !== 'live' && (
        <span className="visually-hidden">. Refreshing every {pollSeconds} seconds meanwhile.</span>
      )}
    </span>
  );
}
