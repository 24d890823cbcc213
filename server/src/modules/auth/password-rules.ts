import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * What makes a password acceptable, in one place: length, and not one of the passwords people
 * pick most (zxcvbn's list of ~49,000 found in breaches). No composition rules: they make
 * passwords harder to remember, not to guess (NIST SP 800-63B 5.1.1.2).
 */
export const PASSWORD_RULES = { minLength: 12, maxLength: 256 } as const;

let common: Set<string> | undefined;

/** The problem with a new password, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_RULES.minLength) return `must be at least ${PASSWORD_RULES.minLength} characters`;
  if (password.length > PASSWORD_RULES.maxLength) return `must be at most ${PASSWORD_RULES.maxLength} characters`;
  common ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'is one of the most common passwords; choose another';
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) return 'must not be your email address';
  return null;
}
