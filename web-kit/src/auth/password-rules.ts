import { fieldErrorsOf } from '../apollo/graphql-errors';

/**
 * The part of the server's password rules a browser can check before asking (length); whether a
 * password is among the common ones only the server knows, and says so on the field.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** How long an emailed reset link works (the server's RESET_TOKEN_MINUTES). */
export const RESET_LINK_MINUTES = 30;

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one; common passwords are refused.`;

/** Client-side problems of a new password and its confirmation, keyed by field. */
export function newPasswordErrors(
  password: string,
  confirmation: string,
): { newPassword?: string; confirmation?: string } {
  const errors: { newPassword?: string; confirmation?: string } = {};
  if (password.length < PASSWORD_MIN_LENGTH)
    errors.newPassword = `This password must be at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (password.length > PASSWORD_MAX_LENGTH)
    errors.newPassword = `This password must be at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (!confirmation) errors.confirmation = 'Type the new password again.';
  else if (confirmation !== password) errors.confirmation = 'The two passwords do not match.';
  return errors;
}

/**
 * The API's BAD_USER_INPUT message for `field` without the field name it starts with
 * ("newPassword: must be at least 12 characters" → "must be at least 12 characters").
 */
export function apiFieldProblem(error: unknown, field: string): string | undefined {
  const message = fieldErrorsOf(error)[field];
  return message?.replace(/^[\w.[\]]+:\s*/, '');
}

/** The server's rule for a rejected new password as a sentence for its field: "This password must …". */
export function newPasswordRuleMessage(error: unknown): string | undefined {
  const problem = apiFieldProblem(error, 'newPassword');
  return problem ? `This password ${problem.replace(/\.$/, '')}.` : undefined;
}
