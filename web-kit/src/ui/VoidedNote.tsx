import { formatDateTime } from '../periods/periods';

export interface VoidedLog {
  voidedAt?: string | null;
  voidReason?: string | null;
  /** Who voided it; the portal leaves it out (staff addresses are not the customer's business). */
  voidedBy?: string | null;
}

/**
 * Why a usage log no longer counts: "Voided by ops@example.com at Nov 5, 2026, 2:30 PM: duplicate".
 * Beside the struck-through cells of a `row-voided` row, so the strike is never the only sign.
 */
export function VoidedNote({ log }: { log: VoidedLog }) {
  if (!log.voidedAt) return null;
  return (
    <span className="voided-note">
      {/* Seen at a glance; read out once, by the sentence after it. */}
      <span className="badge badge-neutral" aria-hidden="true">
        Voided
      </span>{' '}
      <span className="cell-note">
        Voided{log.voidedBy ? ` by ${log.voidedBy}` : ''} at{' '}
        <time dateTime={log.voidedAt}>{formatDateTime(log.voidedAt)}</time>
        {log.voidReason ? `: ${log.voidReason}` : ''}
      </span>
    </span>
  );
}
