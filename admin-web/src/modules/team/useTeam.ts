import { useMutation, useQuery } from '@apollo/client/react';
import type { AdminRoleName, CustomerRoleName, TeamPanelProps, TeamRole } from '@usage-monitor/web-kit/team';
import {
  InviteTeamMemberDocument,
  RemoveTeamMemberDocument,
  RevokeTeamInvitationDocument,
  SetTeamMemberRoleDocument,
  TeamInvitationsDocument,
  TeamMembersDocument,
} from '../../__generated__/graphql';
import { useViewer } from '../../app/viewer';

type TeamData = Pick<
  TeamPanelProps,
  | 'kind'
  | 'members'
  | 'invitations'
  | 'viewerId'
  | 'loading'
  | 'error'
  | 'onRetry'
  | 'onInvite'
  | 'onWithdraw'
  | 'onChangeRole'
  | 'onRemove'
>;

/**
 * The documents behind a TeamPanel in the console: the admins (`tenantId` null) or one customer's
 * portal users. Invitations are asked for only when `canManage`: for anyone else the API says FORBIDDEN.
 */
export function useTeam(tenantId: string | null, canManage: boolean): TeamData {
  const kind = tenantId === null ? 'ADMINS' : 'CUSTOMERS';
  const viewer = useViewer();
  const variables = { tenantId };
  const members = useQuery(TeamMembersDocument, { variables });
  const invitations = useQuery(TeamInvitationsDocument, { variables, skip: !canManage });
  const refetchInvitations = {
    refetchQueries: [{ query: TeamInvitationsDocument, variables }],
    awaitRefetchQueries: true,
  };
  const [invite] = useMutation(InviteTeamMemberDocument, refetchInvitations);
  const [revoke] = useMutation(RevokeTeamInvitationDocument, refetchInvitations);
  const [setRole] = useMutation(SetTeamMemberRoleDocument);
  const [remove] = useMutation(RemoveTeamMemberDocument, {
    refetchQueries: [{ query: TeamMembersDocument, variables }],
    awaitRefetchQueries: true,
  });
  const roleVariables = (role: TeamRole) =>
    kind === 'ADMINS' ? { adminRole: role as AdminRoleName } : { customerRole: role as CustomerRoleName };

  return {
    kind,
    members: (members.data ?? members.previousData)?.users,
    invitations: canManage ? (invitations.data ?? invitations.previousData)?.invitations : undefined,
    viewerId: viewer?.id ?? null,
    loading: members.loading || invitations.loading,
    error: members.error ?? invitations.error,
    onRetry: () => {
      void members.refetch();
      if (canManage) void invitations.refetch();
    },
    onInvite: (email, role) => invite({ variables: { input: { email, tenantId, ...roleVariables(role) } } }),
    onWithdraw: (id) => revoke({ variables: { id } }),
    onChangeRole: (id, role) => setRole({ variables: { id, ...roleVariables(role) } }),
    onRemove: (id) => remove({ variables: { id } }),
  };
}
