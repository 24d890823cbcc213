import { useState } from 'react';
import { formatDateTime } from '../periods/periods';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable } from '../ui/DataTable';
import { useToast } from '../ui/Toasts';
import { roleLabel } from './roles';
import { roleOf, rolesOf, type TeamInvitation, type TeamKind } from './team-types';

/** Invitations not yet accepted; an owner withdraws one here and its link stops working. */
export function PendingInvitations({
  kind,
  invitations,
  onWithdraw,
}: {
  kind: TeamKind;
  invitations: readonly TeamInvitation[];
  onWithdraw: (id: string) => Promise<unknown>;
}) {
  const roles = rolesOf(kind);
  const toast = useToast();
  const [withdrawing, setWithdrawing] = useState<TeamInvitation | null>(null);
  if (invitations.length === 0) return <p className="muted small">No invitations waiting to be accepted.</p>;
  return (
    <>
      <DataTable
        label="Pending invitations"
        rows={invitations}
        rowKey={(i) => i.id}
        className="team-table"
        columns={[
          {
            key: 'email',
            header: 'Invited',
            rowHeader: true,
            cell: (i) => <span className="team-email">{i.email}</span>,
          },
          { key: 'role', header: 'Role', cell: (i) => roleLabel(roles, roleOf(kind, i)) },
          {
            key: 'expires',
            header: 'Link expires',
            cell: (i) => <time dateTime={i.expiresAt}>{formatDateTime(i.expiresAt)}</time>,
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">Actions</span>,
            label: 'Actions',
            cell: (i) => (
              <button
                type="button"
                className="button button-small"
                onClick={() => setWithdrawing(i)}
                aria-label={`Withdraw the invitation to ${i.email}`}
              >
                Withdraw
              </button>
            ),
          },
        ]}
      />
      {withdrawing && (
        <ConfirmDialog
          title={`Withdraw the invitation to ${withdrawing.email}?`}
          confirmLabel="Withdraw"
          busyLabel="Withdrawing…"
          onConfirm={async () => {
            await onWithdraw(withdrawing.id);
            toast.push(`The invitation to ${withdrawing.email} was withdrawn`, 'success');
          }}
          onClose={() => setWithdrawing(null)}
        >
          <p>The link in their email stops working. You can invite them again later.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
