import { useMutation } from '@apollo/client/react';
import { ForgotPasswordForm } from '@usage-monitor/web-kit/auth';
import { RequestPasswordResetDocument } from '../../__generated__/graphql';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AuthBrand } from './AuthBrand';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  const [requestReset] = useMutation(RequestPasswordResetDocument);
  return (
    <ForgotPasswordForm
      brand={<AuthBrand />}
      signInTo="/sign-in"
      onSubmit={(email) => requestReset({ variables: { email } })}
    />
  );
}
