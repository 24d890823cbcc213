import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AcceptInvitationForm } from '@usage-monitor/web-kit/team';
import { useToast } from '@usage-monitor/web-kit/ui';
import { AcceptInvitationDocument } from '../../__generated__/graphql';
import { PortalBrand } from '../auth/PortalBrand';
import { useSession } from '../auth/session-context';
import { SignInError } from '../auth/session-store';

/** Where an emailed invitation lands (/portal/accept-invitation?token=…): a password, then signed in. */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { signInWith } = useSession();
  const [accept] = useMutation(AcceptInvitationDocument);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (password: string) => {
    setFailure(null);
    const { data } = await accept({ variables: { token: params.get('token') ?? '', password } });
    if (!data) return;
    try {
      // Signed in exactly as the sign-in form does it (an admin's session is not kept here).
      signInWith(data.acceptInvitation);
    } catch (error) {
      if (error instanceof SignInError) return setFailure(error.message);
      throw error;
    }
    toast.push('Welcome! Your account is ready and you are signed in.', 'success');
    navigate('/usage', { replace: true });
  };

  return (
    <AcceptInvitationForm
      brand={<PortalBrand />}
      token={params.get('token')}
      signInTo="/sign-in"
      failure={failure}
      onSubmit={submit}
    />
  );
}
