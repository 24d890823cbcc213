import { EmptyState } from '@usage-monitor/web-kit/ui';
import { TeamPanel } from '@usage-monitor/web-kit/team';
import { useCanManageAdmins } from '../../app/permissions';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useTeam } from './useTeam';

function AdminTeam() {
  const team = useTeam(null, true);
  return (
    <TeamPanel
      {...team}
      teamName="the admin team"
      canManage
      inviteHint="They get an email with a link to choose their password and sign in to this console."
    />
  );
}

/** The platform's admins: who may use this console, and with which role (admin OWNERs only). */
export function TeamPage() {
  useDocumentTitle('Team');
  const mayManage = useCanManageAdmins();
  return (
    <>
      <PageHeader
        title="Team"
        description="The admins of this console. Owners manage everything including admins; managers everything else; viewers read only."
      />
      {mayManage ? (
        <AdminTeam />
      ) : (
        <EmptyState
          title="Only owners manage the admin team."
          hint="Ask an owner of this console to invite someone or to change a role."
        />
      )}
    </>
  );
}
