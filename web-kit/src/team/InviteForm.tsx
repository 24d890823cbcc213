import { useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, fieldErrorsOf } from '../apollo/graphql-errors';
import { apiFieldProblem } from '../auth/password-rules';
import { useFocusFirstInvalid } from '../auth/useFocusFirstInvalid';
import { Field } from '../ui/Field';
import { useToast } from '../ui/Toasts';
import { DEFAULT_ADMIN_ROLE, DEFAULT_CUSTOMER_ROLE } from './roles';
import { rolesOf, type TeamKind, type TeamRole } from './team-types';

/** How long an invitation link works (the server's INVITATION_DAYS). */
export const INVITATION_DAYS = 7;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InviteFormProps {
  kind: TeamKind;
  /** Sends the invitation (inviteUser); a rejection is shown on its field or above the form. */
  onInvite: (email: string, role: TeamRole) => Promise<unknown>;
  /** Where the invited person will sign in, in a sentence. */
  hint?: ReactNode;
}

/** An email and a role: the invited person gets a one-time link to choose a password. */
export function InviteForm({ kind, onInvite, hint }: InviteFormProps) {
  const roles = rolesOf(kind);
  const initialRole = kind === 'ADMINS' ? DEFAULT_ADMIN_ROLE : DEFAULT_CUSTOMER_ROLE;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>(initialRole);
  const [clientError, setClientError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const toast = useToast();
  const { formRef, rejected } = useFocusFirstInvalid();

  const emailProblem = apiFieldProblem(apiError, 'email');
  const roleProblem = apiFieldProblem(apiError, kind === 'ADMINS' ? 'adminRole' : 'customerRole');
  const placed = emailProblem || roleProblem;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const address = email.trim();
    const problem = EMAIL.test(address) ? undefined : 'Enter an email address, like name@example.com.';
    setClientError(problem);
    if (problem) {
      rejected();
      return;
    }
    setSending(true);
    try {
      await onInvite(address, role);
      toast.push(
        `Invitation sent to ${address}. The link works once, for ${INVITATION_DAYS} days.`,
        'success',
      );
      setEmail('');
      setRole(initialRole);
    } catch (error) {
      setApiError(error);
      if (Object.keys(fieldErrorsOf(error)).length) rejected();
    } finally {
      setSending(false);
    }
  };

  return (
    <form ref={formRef} className="team-invite-form" onSubmit={(e) => void submit(e)} noValidate>
      {apiError && !placed ? (
        <div className="banner banner-danger" role="alert">
          {errorMessage(apiError)}
        </div>
      ) : null}
      <Field
        label="Email"
        error={clientError ?? (emailProblem ? `This address ${emailProblem}.` : undefined)}
      >
        {(p) => (
          <input
            {...p}
            type="email"
            name="invite-email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Role"
        hint={roles.find((r) => r.value === role)?.description}
        error={roleProblem ? `This role ${roleProblem}.` : undefined}
      >
        {(p) => (
          <select {...p} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hint && <p className="field-hint">{hint}</p>}
      <div>
        <button type="submit" className="button button-primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}
