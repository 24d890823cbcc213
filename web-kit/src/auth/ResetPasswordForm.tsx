import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { AuthCard } from './AuthCard';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { newPasswordErrors, newPasswordRuleMessage, RESET_LINK_MINUTES } from './password-rules';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

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
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmation: '' });
  const [clientErrors, setClientErrors] = useState<{ newPassword?: string; confirmation?: string }>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const { formRef, rejected } = useFocusFirstInvalid();

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
  const ruleMessage = newPasswordRuleMessage(apiError);
  const errors = {
    newPassword: clientErrors.newPassword ?? ruleMessage,
    confirmation: clientErrors.confirmation,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const problems = newPasswordErrors(values.newPassword, values.confirmation);
    setClientErrors(problems);
    if (Object.keys(problems).length) {
      rejected();
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values.newPassword);
    } catch (error) {
      setApiError(error);
      rejected();
    } finally {
      setSubmitting(false);
    }
  };

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
