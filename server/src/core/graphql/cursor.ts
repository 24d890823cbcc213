import { UserInputError } from './errors.js';

/**
 * Opaque page cursors, shared by every keyset-paged query: the position as a JSON array, in
 * base64url. Clients never read them, and the page that decodes one re-checks every part (a
 * cursor is input like any other).
 */
export function encodeCursor(position: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The message for any `after` that is not a cursor this API made. */
export const NOT_A_CURSOR = 'is not a cursor from this API';

export function notACursor(message = NOT_A_CURSOR): UserInputError {
  return new UserInputError({ field: 'after', message });
}

/** The position parts of a cursor with `length` parts; anything else is BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string, length: number): unknown[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notACursor();
  }
  if (!Array.isArray(parts) || parts.length !== length) throw notACursor();
  return parts;
}
