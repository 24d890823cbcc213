import { useMutation } from '@apollo/client/react';
import { ForgotPasswordForm } from '@usage-monitor/web-kit/auth';
import { RequestPasswordResetDocument } from '../../__generated__/graphql';
import { PortalBrand } from './PortalBrand';

export function ForgotPasswordPage() {
  const [requestReset] = useMutation(RequestPasswordResetDocument);
  return (
    <ForgotPasswordForm
      brand={<PortalBrand />}
      signInTo="/sign-in"
      onSubmit={(email) => requestReset({ variables: { email } })}
    />
  );
}
