import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { Field } from '../ui/Field';
import { NewPasswordFields, type NewPasswordValues } from './NewPasswordFields';
import { newPasswordErrors, newPasswordRuleMessage } from './password-rules';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

export interface ChangePasswordFormProps {
  /** The signed-in account, for password managers (a hidden username field). */
  email: string;
  /** Calls changePassword; a rejection is shown on its field or above the form. */
  onSubmit: (currentPassword: string, newPassword: string) => Promise<unknown>;
  /** After the API accepted the change (the app says so, e.g. with a toast). */
  onChanged: () => void;
}

interface Values extends NewPasswordValues {
  currentPassword: string;
}

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmation: '' };

/** Current password, new password, confirmation: the account page's form in both apps. */
export function ChangePasswordForm({ email, onSubmit, onChanged }: ChangePasswordFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [clientErrors, setClientErrors] = useState<{
    currentPassword?: string;
    newPassword?: string;
    confirmation?: string;
  }>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const { formRef, rejected } = useFocusFirstInvalid();

  const apiFields = fieldErrorsOf(apiError);
  const ruleMessage = newPasswordRuleMessage(apiError);
  const errors = {
    currentPassword:
      clientErrors.currentPassword ??
      (apiFields.currentPassword ? 'This is not your current password.' : undefined),
    newPassword: clientErrors.newPassword ?? ruleMessage,
    confirmation: clientErrors.confirmation,
  };
  const placed = apiFields.currentPassword || ruleMessage;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const problems: typeof clientErrors = newPasswordErrors(values.newPassword, values.confirmation);
    if (!values.currentPassword) problems.currentPassword = 'Enter your current password.';
    else if (values.newPassword && values.newPassword === values.currentPassword)
      problems.newPassword = 'This is your current password: choose a different one.';
    setClientErrors(problems);
    if (Object.keys(problems).length) {
      rejected();
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values.currentPassword, values.newPassword);
      setValues(EMPTY);
      onChanged();
    } catch (error) {
      setApiError(error);
      rejected();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form ref={formRef} className="password-form" onSubmit={(e) => void submit(e)} noValidate>
      {apiError && !placed ? (
        <div className="banner banner-danger" role="alert">
          {errorMessage(apiError)}
        </div>
      ) : null}
      {/* Lets a password manager know whose password changes. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => (
          <input
            {...p}
            name="current-password"
            type="password"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
          />
        )}
      </Field>
      <NewPasswordFields
        values={values}
        errors={errors}
        onChange={(next) => setValues({ ...values, ...next })}
      />
      <p className="field-hint">Changing it signs you out everywhere else; this session stays signed in.</p>
      <div>
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
