import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { AuthCard } from '../auth/AuthCard';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { useNewPasswordForm } from '../auth/useNewPasswordForm';
import { INVITATION_DAYS } from './InviteForm';

export interface AcceptInvitationFormProps {
  brand: ReactNode;
  /** The `token` of the emailed link; null when the link lost it. */
  token: string | null;
  /** Accepts with the token and this password, then signs in (the app's part); a rejection is shown. */
  onSubmit: (password: string) => Promise<unknown>;
  /** What went wrong after the API accepted (in the app's words, e.g. the wrong app). */
  failure?: ReactNode;
  /** The app's sign-in page, for someone whose account already exists. */
  signInTo: string;
}

function DeadLink({ signInTo, children }: { signInTo: string; children: ReactNode }) {
  return (
    <div className="banner banner-danger" role="alert">
      <p>
        {children} Ask whoever invited you for a new invitation, or <Link to={signInTo}>sign in</Link> if you
        already have an account.
      </p>
    </div>
  );
}

/** The page an emailed invitation opens: a password, twice; then the new account is signed in. */
export function AcceptInvitationForm({
  brand,
  token,
  onSubmit,
  failure,
  signInTo,
}: AcceptInvitationFormProps) {
  // acceptInvitation names the new password `password` (the account has no old one).
  const { values, setValues, errors, ruleMessage, apiError, submitting, formRef, submit } = useNewPasswordForm(onSubmit, 'password');

  if (!token) {
    return (
      <AuthCard brand={brand} title="Accept your invitation">
        <DeadLink signInTo={signInTo}>This link is incomplete: open the whole link from the email.</DeadLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      brand={brand}
      title="Accept your invitation"
      intro="Choose the password for your new account. After this you are signed in."
    >
      {fieldErrorsOf(apiError).token ? (
        <DeadLink signInTo={signInTo}>
          This invitation no longer works: it was already used or withdrawn, or it is more than{' '}
          {INVITATION_DAYS} days old.
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
          {submitting ? 'Creating your account…' : 'Create account and sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
