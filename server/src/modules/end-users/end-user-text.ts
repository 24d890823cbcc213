import { UserInputError } from '../../core/graphql/errors.js';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../core/lib/storable-text.js';

/** An end user id: opaque text of 1-255 characters, with requestId's text rules (api-contract-next.md). */
export const END_USER_MAX_LENGTH = 255;

/** What is wrong with an end user id, or null when it is one. */
export function endUserProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length < 1 || value.length > END_USER_MAX_LENGTH) return `must be 1-${END_USER_MAX_LENGTH} characters when given`;
  if (!isStorableText(value)) return UNSTORABLE_TEXT_MESSAGE;
  return null;
}

/**
 * An `endUser` filter (logs, series, export), checked: the id's rules, and a tenant, because an
 * end user id means nothing without its tenant (two tenants may both have a "user-1").
 */
export function endUserFilter(endUser: string | null | undefined, tenantId: string | undefined): string | null {
  if (endUser === null || endUser === undefined) return null;
  const problem = endUserProblem(endUser);
  if (problem) throw new UserInputError({ field: 'endUser', message: problem });
  if (!tenantId) throw new UserInputError({ field: 'endUser', message: 'needs tenantId: an end user belongs to one tenant' });
  return endUser;
}
