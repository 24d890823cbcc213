import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AcceptInvitationForm } from '@usage-monitor/web-kit/team';
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
  const [wrongRole, setWrongRole] = useState(false);

  const submit = async (password: string) => {
    setWrongRole(false);
    const { data } = await accept({ variables: { token: params.get('token') ?? '', password } });
    if (!data) return;
    // Signed in exactly as the sign-in form does it: an admin's session starts, anyone else's ends.
    if (!signInWith(data.acceptInvitation)) {
      setWrongRole(true);
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
      failure={wrongRole ? <WrongRoleMessage /> : null}
      onSubmit={submit}
    />
  );
}
