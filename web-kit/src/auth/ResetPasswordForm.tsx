import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { AuthCard } from './AuthCard';
import { NewPasswordFields } from './NewPasswordFields';
import { RESET_LINK_MINUTES } from './password-rules';
import { useNewPasswordForm } from './useNewPasswordForm';

export interface ResetPasswordFormProps {
  brand: ReactNode;
  /** The `token` of the emailed link; null when the link lost it. */
  token: string | null;
  /** Sets the password with the token and signs in (the app's part); a rejection is shown. */
  onSubmit: (newPassword: string) => Promise<unknown>;
  /** What went wrong after the API accepted the password, in the app's words (e.g. the wrong app). */
  failure?: ReactNode;
  /** The app's page to ask for a new link. */
  requestLinkTo: string;
}

function DeadLink({ requestLinkTo, children }: { requestLinkTo: string; children: ReactNode }) {
  return (
    <div className="banner banner-danger" role="alert">
      <p>
        {children} <Link to={requestLinkTo}>Ask for a new link</Link>
      </p>
    </div>
  );
}

/** The page an emailed reset link opens: a new password, twice. */
export function ResetPasswordForm({
  brand,
  token,
  onSubmit,
  failure,
  requestLinkTo,
}: ResetPasswordFormProps) {
  const { values, setValues, errors, ruleMessage, apiError, submitting, formRef, submit } = useNewPasswordForm(onSubmit, 'newPassword');

  if (!token) {
    return (
      <AuthCard brand={brand} title="Choose a new password">
        <DeadLink requestLinkTo={requestLinkTo}>
          This link is incomplete: open the whole link from the email.
        </DeadLink>
      </AuthCard>
    );
  }

  const apiFields = fieldErrorsOf(apiError);

  return (
    <AuthCard
      brand={brand}
      title="Choose a new password"
      intro="After this you are signed in, and every other session of your account is signed out."
    >
      {apiFields.token ? (
        <DeadLink requestLinkTo={requestLinkTo}>
          This reset link no longer works: it was already used, or it is more than {RESET_LINK_MINUTES}{' '}
          minutes old.
        </DeadLink>
      ) : apiError && !ruleMessage ? (
        <div className="banner banner-danger" role="alert">
          {errorMessage(apiError)}
        </div>
      ) : failure ? (
        <div className="banner banner-warning" role="alert">
          {failure}
        </div>
      ) : null}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <NewPasswordFields values={values} errors={errors} onChange={setValues} />
        <button type="submit" className="button button-primary button-block" disabled={submitting}>
          {submitting ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthCard>
  );
}
