import { useId, type ReactNode } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SkeletonRows } from '../ui/Skeleton';
import { InviteForm } from './InviteForm';
import { PendingInvitations } from './PendingInvitations';
import { TeamMembersTable } from './TeamMembersTable';
import type { TeamInvitation, TeamKind, TeamMember, TeamRole } from './team-types';

export interface TeamPanelProps {
  kind: TeamKind;
  /** "the admin team", "Acme Corp": how headings and messages name the team. */
  teamName: string;
  /** Undefined until the first answer. */
  members: readonly TeamMember[] | undefined;
  /** Pending invitations (only those who may invite see them); undefined until loaded. */
  invitations: readonly TeamInvitation[] | undefined;
  viewerId: string | null;
  /** Owners (and, for a tenant's users, admin managers) invite, change roles and remove. */
  canManage: boolean;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onInvite: (email: string, role: TeamRole) => Promise<unknown>;
  onWithdraw: (id: string) => Promise<unknown>;
  onChangeRole: (id: string, role: TeamRole) => Promise<unknown>;
  onRemove: (id: string) => Promise<unknown>;
  /** Under the invite form: where the invited person will sign in. */
  inviteHint?: ReactNode;
  /** Heading level of the panel's sections (2 on a page of its own, 3 inside a tab). */
  headingLevel?: 2 | 3;
}

/**
 * A team in both apps (the admins, a tenant's users from the console, a tenant's users from its
 * portal): members with roles, pending invitations and the invite form. Read-only for those who
 * may not manage it; the app wires the GraphQL documents.
 */
export function TeamPanel(props: TeamPanelProps) {
  const {
    kind,
    teamName,
    members,
    invitations,
    canManage,
    loading,
    error,
    onRetry,
    headingLevel = 2,
  } = props;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const teamMembersHeading = useId();
  const teamInvitationsHeading = useId();
  const teamInviteHeading = useId();
  return (
    <div className={canManage ? 'list-and-form' : undefined}>
      <div className="team-lists">
        <section aria-labelledby={teamMembersHeading}>
          <Heading id={teamMembersHeading}>Members</Heading>
          <ErrorBanner error={error} onRetry={onRetry} stale={!!members} />
          {!members && loading && <SkeletonRows rows={3} label="Loading members" />}
          {members && members.length === 0 && (
            <EmptyState
              title={`No one at ${teamName} can sign in yet.`}
              hint={
                canManage
                  ? 'Invite someone: they choose their own password from the emailed link.'
                  : undefined
              }
            />
          )}
          {members && members.length > 0 && (
            <TeamMembersTable
              kind={kind}
              teamName={teamName}
              members={members}
              viewerId={props.viewerId}
              canManage={canManage}
              onChangeRole={props.onChangeRole}
              onRemove={props.onRemove}
            />
          )}
        </section>
        {canManage && (
          <section aria-labelledby={teamInvitationsHeading}>
            <Heading id={teamInvitationsHeading}>Pending invitations</Heading>
            {invitations ? (
              <PendingInvitations kind={kind} invitations={invitations} onWithdraw={props.onWithdraw} />
            ) : (
              loading && <SkeletonRows rows={2} label="Loading invitations" />
            )}
          </section>
        )}
      </div>
      {canManage && (
        <section className="card side-form" aria-labelledby={teamInviteHeading}>
          <Heading id={teamInviteHeading}>Invite someone</Heading>
          <InviteForm kind={kind} onInvite={props.onInvite} hint={props.inviteHint} />
        </section>
      )}
    </div>
  );
}
