import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '@usage-monitor/web-kit/auth';
import { useToast } from '@usage-monitor/web-kit/ui';
import { ResetPasswordDocument } from '../../__generated__/graphql';
import { PortalBrand } from './PortalBrand';
import { useSession } from './session-context';
import { SignInError } from './session-store';

/** Where the emailed link lands (/portal/reset-password?token=…): a new password, then signed in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { signInWith } = useSession();
  const [resetPassword] = useMutation(ResetPasswordDocument);
  const [wrongRole, setWrongRole] = useState<string | null>(null);

  const submit = async (newPassword: string) => {
    setWrongRole(null);
    const { data } = await resetPassword({ variables: { token: params.get('token') ?? '', newPassword } });
    if (!data) return;
    try {
      signInWith(data.resetPassword);
    } catch (error) {
      // The password did change; only an admin's token is not kept here.
      if (error instanceof SignInError) return setWrongRole(error.message);
      throw error;
    }
    toast.push('Your password is changed and you are signed in.', 'success');
    navigate('/usage', { replace: true });
  };

  return (
    <ResetPasswordForm
      brand={<PortalBrand />}
      token={params.get('token')}
      requestLinkTo="/forgot-password"
      failure={wrongRole}
      onSubmit={submit}
    />
  );
}
