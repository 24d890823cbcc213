import { TeamPanel } from '@usage-monitor/web-kit/team';
import { useCanChange } from '../../app/permissions';
import { useTeam } from '../team/useTeam';

/** A customer's portal users: admin owners and managers invite, change roles and remove; viewers read. */
export function CustomerUsersTab({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const canChange = useCanChange();
  const team = useTeam(tenantId, canChange);
  return (
    <TeamPanel
      {...team}
      teamName={tenantName}
      canManage={canChange}
      inviteHint={
        <>
          They get an email with a link to choose their password and sign in to the Customer Portal at
          /portal/.
        </>
      }
    />
  );
}
