import { useMutation, useQuery } from '@apollo/client/react';
import { TeamPanel, type CustomerRoleName } from '@usage-monitor/web-kit/team';
import {
  InviteTeamMemberDocument,
  RemoveTeamMemberDocument,
  RevokeTeamInvitationDocument,
  SetTeamMemberRoleDocument,
  TeamInvitationsDocument,
  TeamMembersDocument,
} from '../../__generated__/graphql';
import { useCanManage } from '../../app/permissions';
import { useViewer } from '../auth/session-context';

/** Who at this customer can sign in to the portal; owners invite, change roles and remove. */
export function TeamPage() {
  const viewer = useViewer();
  const canManage = useCanManage();
  const members = useQuery(TeamMembersDocument);
  // Only owners may see invitations: a member's request would answer FORBIDDEN.
  const invitations = useQuery(TeamInvitationsDocument, { skip: !canManage });
  const refetchInvitations = { refetchQueries: [TeamInvitationsDocument], awaitRefetchQueries: true };
  const [invite] = useMutation(InviteTeamMemberDocument, refetchInvitations);
  const [revoke] = useMutation(RevokeTeamInvitationDocument, refetchInvitations);
  const [setRole] = useMutation(SetTeamMemberRoleDocument);
  const [remove] = useMutation(RemoveTeamMemberDocument, {
    refetchQueries: [TeamMembersDocument],
    awaitRefetchQueries: true,
  });

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Team</h1>
          <p className="muted">
            {canManage
              ? `Who at ${viewer.tenant.name} can sign in to this portal. Owners manage the team and API keys; members read usage.`
              : `Who at ${viewer.tenant.name} can sign in to this portal. An owner invites people and changes roles.`}
          </p>
        </div>
      </div>
      <TeamPanel
        kind="CUSTOMERS"
        teamName={viewer.tenant.name}
        members={(members.data ?? members.previousData)?.users}
        invitations={canManage ? (invitations.data ?? invitations.previousData)?.invitations : undefined}
        viewerId={viewer.id}
        canManage={canManage}
        loading={members.loading || invitations.loading}
        error={members.error ?? invitations.error}
        onRetry={() => {
          void members.refetch();
          if (canManage) void invitations.refetch();
        }}
        onInvite={(email, role) => invite({ variables: { email, customerRole: role as CustomerRoleName } })}
        onWithdraw={(id) => revoke({ variables: { id } })}
        onChangeRole={(id, role) => setRole({ variables: { id, customerRole: role as CustomerRoleName } })}
        onRemove={(id) => remove({ variables: { id } })}
        inviteHint="They get an email with a link to choose their password and sign in here."
      />
    </div>
  );
}
