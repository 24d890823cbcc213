import { useMutation } from '@apollo/client/react';
import { ChangePasswordForm } from '@usage-monitor/web-kit/auth';
import { useToast } from '@usage-monitor/web-kit/ui';
import { ChangePasswordDocument } from '../../__generated__/graphql';
import { useViewer } from '../../app/viewer';
import { SessionsList } from '../sessions/SessionsList';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useDocumentTitle } from '../../shared/useDocumentTitle';

/** The signed-in admin's own account: who they are signed in as, and their password. */
export function AccountPage() {
  useDocumentTitle('Account');
  const viewer = useViewer();
  const toast = useToast();
  const [changePassword] = useMutation(ChangePasswordDocument);
  if (!viewer) return null;
  return (
    <>
      <PageHeader title="Account" description={<>Signed in as {viewer.email}</>} />
      <section className="card account-card" aria-labelledby="change-password-heading">
        <h2 id="change-password-heading">Change password</h2>
        <ChangePasswordForm
          email={viewer.email}
          onSubmit={(currentPassword, newPassword) =>
            changePassword({ variables: { currentPassword, newPassword } })
          }
          onChanged={() => toast.push('Password changed. Your other sessions are signed out.', 'success')}
        />
      </section>
      <SessionsList />
    </>
  );
}
