import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '@usage-monitor/web-kit/auth';
import { SESSION_COOKIE_MISSING_MESSAGE } from '@usage-monitor/web-kit/apollo';
import { useToast } from '@usage-monitor/web-kit/ui';
import { ResetPasswordDocument } from '../../__generated__/graphql';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AuthBrand } from './AuthBrand';
import { signInWith } from './signInWith';
import { WrongRoleMessage } from './WrongRole';

/** Where the emailed link lands (/admin/reset-password?token=…): a new password, then signed in. */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [resetPassword] = useMutation(ResetPasswordDocument);
  const [failure, setFailure] = useState<ReactNode>(null);

  const submit = async (newPassword: string) => {
    setFailure(null);
    const { data } = await resetPassword({ variables: { token: params.get('token') ?? '', newPassword } });
    if (!data) return;
    const outcome = signInWith(data.resetPassword);
    if (outcome !== 'signed-in') {
      setFailure(outcome === 'wrong-role' ? <WrongRoleMessage /> : SESSION_COOKIE_MISSING_MESSAGE);
      return;
    }
    toast.push('Your password is changed and you are signed in.', 'success');
    navigate('/', { replace: true });
  };

  return (
    <ResetPasswordForm
      brand={<AuthBrand />}
      token={params.get('token')}
      requestLinkTo="/forgot-password"
      failure={failure}
      onSubmit={submit}
    />
  );
}
