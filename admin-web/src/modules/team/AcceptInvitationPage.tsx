import { useMutation } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AcceptInvitationForm } from '@usage-monitor/web-kit/team';
import { SESSION_COOKIE_MISSING_MESSAGE } from '@usage-monitor/web-kit/apollo';
import { useToast } from '@usage-monitor/web-kit/ui';
import { AcceptInvitationDocument } from '../../__generated__/graphql';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AuthBrand } from '../auth/AuthBrand';
import { signInWith } from '../auth/signInWith';
import { WrongRoleMessage } from '../auth/WrongRole';

/** Where an emailed invitation lands (/admin/accept-invitation?token=…): a password, then signed in. */
export function AcceptInvitationPage() {
  useDocumentTitle('Accept your invitation');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [accept] = useMutation(AcceptInvitationDocument);
  const [failure, setFailure] = useState<ReactNode>(null);

  const submit = async (password: string) => {
    setFailure(null);
    const { data } = await accept({ variables: { token: params.get('token') ?? '', password } });
    if (!data) return;
    // Signed in exactly as the sign-in form does it: an admin's session starts, anyone else's ends.
    const outcome = signInWith(data.acceptInvitation);
    if (outcome !== 'signed-in') {
      setFailure(outcome === 'wrong-role' ? <WrongRoleMessage /> : SESSION_COOKIE_MISSING_MESSAGE);
      return;
    }
    toast.push('Welcome! Your account is ready and you are signed in.', 'success');
    navigate('/', { replace: true });
  };

  return (
    <AcceptInvitationForm
      brand={<AuthBrand />}
      token={params.get('token')}
      signInTo="/sign-in"
      failure={failure}
      onSubmit={submit}
    />
  );
}
