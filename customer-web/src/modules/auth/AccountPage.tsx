import { useMutation } from '@apollo/client/react';
import { ChangePasswordForm } from '@usage-monitor/web-kit/auth';
import { useToast } from '@usage-monitor/web-kit/ui';
import { ChangePasswordDocument } from '../../__generated__/graphql';
import { SessionsList } from '../sessions/SessionsList';
import { useViewer } from './session-context';

/** The signed-in customer's own account: who and which organization, and their password. */
export function AccountPage() {
  const viewer = useViewer();
  const toast = useToast();
  const [changePassword] = useMutation(ChangePasswordDocument);
  return (
    <div className="account-page">
      <div className="page-head">
        <div>
          <h1>Your account</h1>
          <p className="muted">
            Signed in as {viewer.email}, for {viewer.tenant.name}.
          </p>
        </div>
      </div>
      <section className="panel account-panel" aria-labelledby="change-password-heading">
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
    </div>
  );
}
