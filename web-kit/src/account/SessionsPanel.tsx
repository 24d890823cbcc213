import { useId, useState } from 'react';
import { errorMessage } from '../apollo/graphql-errors';
import { formatDateTime, formatRelative } from '../periods/periods';
import { Badge } from '../ui/Badge';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable } from '../ui/DataTable';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SkeletonRows } from '../ui/Skeleton';
import { useToast } from '../ui/Toasts';
import { describeUserAgent } from './user-agent';

/** A session as SessionFields selects it. */
export interface SessionListItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface SessionsPanelProps {
  /** Undefined until the first answer. */
  sessions: readonly SessionListItem[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Ends another session (revokeSession). */
  onRevoke: (id: string) => Promise<unknown>;
  /** Ends every session, this one too (signOutEverywhere); the app then leaves for sign-in. */
  onSignOutEverywhere: () => Promise<unknown>;
  /** Classes of the section (a card by default); the app adds its own spacing. */
  className?: string;
}

/** This device first, then the most recently active. */
export function sortSessions<S extends SessionListItem>(sessions: readonly S[]): S[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

/** The account page's "Sessions" in both apps: where this account is signed in, and a way out of each. */
export function SessionsPanel({
  sessions,
  loading,
  error,
  onRetry,
  onRevoke,
  onSignOutEverywhere,
  className = 'card',
}: SessionsPanelProps) {
  const toast = useToast();
  const [ending, setEnding] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const rows = sortSessions(sessions ?? []);
  const sessionsHeading = useId();

  const revoke = async (session: SessionListItem) => {
    setEnding((s) => new Set(s).add(session.id));
    try {
      await onRevoke(session.id);
      toast.push(`Signed out ${describeUserAgent(session.userAgent)}`, 'success');
    } catch (failure) {
      toast.push(`Could not sign out that session: ${errorMessage(failure)}`, 'danger');
    } finally {
      setEnding((s) => {
        const next = new Set(s);
        next.delete(session.id);
        return next;
      });
    }
  };

  return (
    <section className={`sessions ${className}`} aria-labelledby={sessionsHeading}>
      <div className="sessions-head">
        <h2 id={sessionsHeading}>Sessions</h2>
        <button
          type="button"
          className="button button-danger button-small"
          onClick={() => setConfirming(true)}
          disabled={!sessions}
        >
          Sign out everywhere
        </button>
      </div>
      <p className="muted small">
        Where your account is signed in. Sessions end after 12 idle hours and 7 days at most; sign out any you
        do not recognise.
      </p>
      <ErrorBanner error={error} onRetry={onRetry} stale={!!sessions} />
      {!sessions && loading && <SkeletonRows rows={2} label="Loading sessions" />}
      {sessions && (
        <DataTable
          label="Your sessions"
          rows={rows}
          rowKey={(s) => s.id}
          className="sessions-table"
          columns={[
            {
              key: 'device',
              header: 'Device',
              rowHeader: true,
              cell: (s) => (
                <>
                  <span title={s.userAgent ?? undefined}>{describeUserAgent(s.userAgent)}</span>
                  {s.current && (
                    <>
                      {' '}
                      <Badge tone="info">This device</Badge>
                    </>
                  )}
                </>
              ),
            },
            { key: 'ip', header: 'IP address', cell: (s) => s.ip ?? <span className="muted">unknown</span> },
            {
              key: 'last-active',
              header: 'Last active',
              className: 'nowrap',
              cell: (s) =>
                s.current ? (
                  'now'
                ) : (
                  <time dateTime={s.lastSeenAt} title={formatDateTime(s.lastSeenAt)}>
                    {formatRelative(s.lastSeenAt)}
                  </time>
                ),
            },
            {
              key: 'started',
              header: 'Signed in',
              className: 'nowrap',
              cell: (s) => <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>,
            },
            {
              key: 'expires',
              header: 'Expires',
              className: 'nowrap',
              cell: (s) => <time dateTime={s.expiresAt}>{formatDateTime(s.expiresAt)}</time>,
            },
            {
              key: 'actions',
              header: <span className="visually-hidden">Actions</span>,
              label: 'Actions',
              cell: (s) =>
                s.current ? null : (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={ending.has(s.id)}
                    onClick={() => void revoke(s)}
                    aria-label={`Sign out ${describeUserAgent(s.userAgent)}${s.ip ? ` at ${s.ip}` : ''}, last active ${formatRelative(s.lastSeenAt)}`}
                  >
                    {ending.has(s.id) ? 'Signing out…' : 'Sign out'}
                  </button>
                ),
            },
          ]}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          busyLabel="Signing out…"
          onConfirm={onSignOutEverywhere}
          onClose={() => setConfirming(false)}
        >
          <p>
            Every session of your account ends, this one included: you will sign in again here and on every
            other device.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
