import type { SocketState } from '../../app/socket-status';
import { formatTime } from '../../shared/periods';
import { useSocketState } from '../auth/session-context';

const LABELS: Record<SocketState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  idle: 'Connecting…',
};

interface LiveStatusProps {
  updatedAt: Date | null;
  refreshing: boolean;
  onRefresh: () => void;
}

export function LiveStatus({ updatedAt, refreshing, onRefresh }: LiveStatusProps) {
  const state = useSocketState();
  return (
    <div className="live-status">
      <span className={`live-pill live-${state}`} role="status">
        <span className="live-dot" aria-hidden="true" />
        {LABELS[state]}
        {state !== 'live' && <span className="visually-hidden">. Refreshing every 30 seconds meanwhile.</span>}
      </span>
      {updatedAt && (
        <span className="muted small updated-at">
          Updated <time dateTime={updatedAt.toISOString()}>{formatTime(updatedAt)}</time>
        </span>
      )}
      <button type="button" className="button button-small" onClick={onRefresh} disabled={refreshing}>
        <span aria-hidden="true">↻ </span>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
