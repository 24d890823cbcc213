import { useId, useState } from 'react';
import { errorMessage } from '../apollo/graphql-errors';
import { formatDateTime, formatRelative } from '../periods/periods';
import { Badge } from '../ui/Badge';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable, type Column } from '../ui/DataTable';
import { useToast } from '../ui/Toasts';
import { roleLabel } from './roles';
import { lastOwnerText, roleOf, rolesOf, type TeamKind, type TeamMember, type TeamRole } from './team-types';

export interface TeamMembersTableProps {
  kind: TeamKind;
  /** "the admin team", "Acme Corp": how messages name the team. */
  teamName: string;
  members: readonly TeamMember[];
  /** The signed-in user, marked "You" and not offered "Remove". */
  viewerId: string | null;
  /** Offers the role picker and Remove; otherwise the list is read-only. */
  canManage: boolean;
  onChangeRole: (id: string, role: TeamRole) => Promise<unknown>;
  onRemove: (id: string) => Promise<unknown>;
}

type Pending =
  { kind: 'remove'; member: TeamMember } | { kind: 'own-role'; member: TeamMember; role: TeamRole };

/** Who is on a team, with their role and last sign-in; owners change roles and remove people here. */
export function TeamMembersTable({
  kind,
  teamName,
  members,
  viewerId,
  canManage,
  onChangeRole,
  onRemove,
}: TeamMembersTableProps) {
  const roles = rolesOf(kind);
  const toast = useToast();
  const hintId = useId();
  const [changing, setChanging] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const changeRole = async (member: TeamMember, role: TeamRole) => {
    setChanging(member.id);
    setFailure(null);
    try {
      await onChangeRole(member.id, role);
      toast.push(`${member.email} is now ${roleLabel(roles, role).toLowerCase()}`, 'success');
    } catch (error) {
      setFailure(
        lastOwnerText(error, member.email, teamName) ??
          `Could not change the role of ${member.email}: ${errorMessage(error)}`,
      );
    } finally {
      setChanging(null);
    }
  };

  const pick = (member: TeamMember, role: TeamRole) => {
    // Changing one's own role can take away the right to undo it: ask first.
    if (member.id === viewerId) setPending({ kind: 'own-role', member, role });
    else void changeRole(member, role);
  };

  const columns: Column<TeamMember>[] = [
    {
      key: 'email',
      header: 'Member',
      rowHeader: true,
      cell: (m) => (
        <>
          <span className="team-email">{m.email}</span>
          {m.id === viewerId && (
            <>
              {' '}
              <Badge tone="info">You</Badge>
            </>
          )}
        </>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      cell: (m) => {
        const role = roleOf(kind, m);
        if (!canManage) return roleLabel(roles, role);
        return (
          <select
            className="team-role-select"
            aria-label={`Role of ${m.email}`}
            aria-describedby={hintId}
            value={role ?? ''}
            disabled={changing === m.id}
            onChange={(e) => pick(m, e.target.value as TeamRole)}
          >
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        );
      },
    },
    {
      key: 'last-sign-in',
      header: 'Last sign-in',
      cell: (m) =>
        m.lastLoginAt ? (
          <time dateTime={m.lastLoginAt} title={formatDateTime(m.lastLoginAt)}>
            {formatRelative(m.lastLoginAt)}
          </time>
        ) : (
          <span className="muted">never</span>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      label: 'Actions',
      cell: (m) =>
        m.id === viewerId ? null : (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={() => setPending({ kind: 'remove', member: m })}
            aria-label={`Remove ${m.email}`}
          >
            Remove
          </button>
        ),
    });
  }

  return (
    <>
      {failure && (
        <div className="banner banner-danger" role="alert">
          <span>{failure}</span>
          <button type="button" className="button button-small" onClick={() => setFailure(null)}>
            Dismiss
          </button>
        </div>
      )}
      <DataTable
        label={`Members of ${teamName}`}
        columns={columns}
        rows={members}
        rowKey={(m) => m.id}
        className="team-table"
      />
      {canManage && (
        <p className="muted small" id={hintId}>
          {roles
            .map((r) => `${r.label}: ${r.description.charAt(0).toLowerCase()}${r.description.slice(1)}.`)
            .join(' ')}
        </p>
      )}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${pending.member.email}?`}
          confirmLabel="Remove"
          busyLabel="Removing…"
          onConfirm={async () => {
            await onRemove(pending.member.id);
            toast.push(`${pending.member.email} was removed from ${teamName}`, 'success');
          }}
          describeError={(error) =>
            lastOwnerText(error, pending.member.email, teamName) ?? errorMessage(error)
          }
          onClose={() => setPending(null)}
        >
          <p>
            Their account is deleted and every session of it ends at once. To let them back in, invite them
            again.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'own-role' && (
        <ConfirmDialog
          title={`Make yourself ${roleLabel(roles, pending.role).toLowerCase()}?`}
          confirmLabel="Change my role"
          busyLabel="Changing…"
          tone="primary"
          onConfirm={async () => {
            await onChangeRole(pending.member.id, pending.role);
            toast.push(`You are now ${roleLabel(roles, pending.role).toLowerCase()}`, 'success');
          }}
          describeError={(error) =>
            lastOwnerText(error, pending.member.email, teamName) ?? errorMessage(error)
          }
          onClose={() => setPending(null)}
        >
          <p>
            {roles.find((r) => r.value === pending.role)?.description}. Only another owner can give your
            current role back.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
