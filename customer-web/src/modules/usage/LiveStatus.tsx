import { formatTime } from '@usage-monitor/web-kit/periods';
import { LiveStatusBadge, RefreshButton } from '@usage-monitor/web-kit/ui';
import { useSocketState } from '../auth/session-context';

interface LiveStatusProps {
  updatedAt: Date | null;
  refreshing: boolean;
  onRefresh: () => void;
}

export function LiveStatus({ updatedAt, refreshing, onRefresh }: LiveStatusProps) {
  const socket = useSocketState();
  return (
    <div className="live-status">
      <LiveStatusBadge state={socket} />
      {updatedAt && (
        <span className="muted small updated-at">
          Updated <time dateTime={updatedAt.toISOString()}>{formatTime(updatedAt)}</time>
        </span>
      )}
      <RefreshButton busy={refreshing} onRefresh={onRefresh} />
    </div>
  );
}
