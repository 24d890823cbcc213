import { useState, type FormEvent } from 'react';
import type { NewPasswordValues } from './NewPasswordFields';
import { apiFieldProblem, newPasswordErrors } from './password-rules';
import { useFocusFirstInvalid } from './useFocusFirstInvalid';

/**
 * The state of a "choose a password, twice" form (reset link, invitation): the two fields, their
 * errors (ours first, then the server's password rule on `apiField`), and a submit that checks
 * them, calls `onSubmit` and keeps what the API answered.
 */
export function useNewPasswordForm(onSubmit: (password: string) => Promise<unknown>, apiField: 'newPassword' | 'password') {
  const [values, setValues] = useState<NewPasswordValues>({ newPassword: '', confirmation: '' });
  const [clientErrors, setClientErrors] = useState<{ newPassword?: string; confirmation?: string }>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const { formRef, rejected } = useFocusFirstInvalid();

  const problem = apiFieldProblem(apiError, apiField);
  const ruleMessage = problem ? `This password ${problem.replace(/\.$/, '')}.` : undefined;
  const errors = { newPassword: clientErrors.newPassword ?? ruleMessage, confirmation: clientErrors.confirmation };

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

  return { values, setValues, errors, ruleMessage, apiError, submitting, formRef, submit };
}
