/**
 * Whether an error means "the database cannot be reached right now" rather than a bug: the
 * caller should retry later. Covers socket errors, pg's own connection messages, and the
 * SQLSTATEs of a server that is down, starting, out of connections or timing a statement out.
 * Looks through wrappers (MikroORM's `cause`, Apollo's `originalError`, AggregateError).
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
// 08: connection exception; 53: insufficient resources (too many connections); 57P01-57P03:
// admin/crash shutdown, cannot connect now (recovery); 57014: statement timeout.
const SQLSTATE = /^(08\d{3}|53\d{3}|57P0[123]|57014)$/;
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Query read timeout|Knex: Timeout acquiring a connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (
    typeof candidate.code === 'string' &&
    (NETWORK_CODES.has(candidate.code) || SQLSTATE.test(candidate.code))
  )
    return true;
  if (typeof candidate.message === 'string' && MESSAGES.test(candidate.message)) return true;
  if (
    Array.isArray(candidate.errors) &&
    candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  )
    return true;
  return (
    isDatabaseUnavailable(candidate.cause, depth + 1) ||
    isDatabaseUnavailable(candidate.originalError, depth + 1)
  );
}

// 22P02 invalid_text_representation (e.g. "abc" for a uuid), 22021 character_not_in_repertoire
// (NUL in text), 22P05 untranslatable_character (\u0000 in jsonb), 22007/22008 bad datetimes.
// 08P01 protocol_violation is what a NUL inside SQL text (MikroORM inlines some values) yields.
// Numeric overflow (22003) is left out on purpose: our own arithmetic could cause it.
const DATA_SQLSTATE = new Set(['22P02', '22021', '22P05', '22007', '22008', '08P01']);

/** Whether PostgreSQL refused a value as malformed data: the caller's input, not our bug. */
export function isRefusedAsData(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const candidate = error as { code?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof candidate.code === 'string' && DATA_SQLSTATE.has(candidate.code)) return true;
  return isRefusedAsData(candidate.cause, depth + 1) || isRefusedAsData(candidate.originalError, depth + 1);
}
