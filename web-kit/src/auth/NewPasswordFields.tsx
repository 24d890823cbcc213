import { Field } from '../ui/Field';
import { NEW_PASSWORD_HINT } from './password-rules';

export interface NewPasswordValues {
  newPassword: string;
  confirmation: string;
}

/** A new password and its confirmation, as password managers expect them (autocomplete="new-password"). */
export function NewPasswordFields({
  values,
  errors,
  onChange,
}: {
  values: NewPasswordValues;
  errors: { newPassword?: string; confirmation?: string };
  onChange: (values: NewPasswordValues) => void;
}) {
  return (
    <>
      <Field label="New password" hint={NEW_PASSWORD_HINT} error={errors.newPassword}>
        {(p) => (
          <input
            {...p}
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(e) => onChange({ ...values, newPassword: e.target.value })}
          />
        )}
      </Field>
      <Field label="Confirm new password" error={errors.confirmation}>
        {(p) => (
          <input
            {...p}
            name="confirm-password"
            type="password"
            autoComplete="new-password"
            required
            value={values.confirmation}
            onChange={(e) => onChange({ ...values, confirmation: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
