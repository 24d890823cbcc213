import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

// Clients branch on extensions.code, never on messages.

function graphQLErrorsOf(error: unknown) {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

export function errorCodeOf(error: unknown): string | undefined {
  const code = graphQLErrorsOf(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

/** The server no longer accepts the credentials: a GraphQL UNAUTHENTICATED or an HTTP 401. */
export function isUnauthenticated(error: unknown): boolean {
  if (hasErrorCode(error, 'UNAUTHENTICATED')) return true;
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * BAD_USER_INPUT errors keyed by the input field they name. `extensions.field` may be a bare
 * name ("openaiTokenLimit") or a path ("input.openaiTokenLimit"); the last segment is the key.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of graphQLErrorsOf(error)) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const field = e.extensions?.field;
    if (typeof field !== 'string' || !field) continue;
    const key = field.split('.').pop() ?? field;
    result[key] ??= e.message;
  }
  return result;
}

/** A sentence for a banner; field errors are shown beside their fields instead. */
export function errorMessage(error: unknown): string {
  if (!error) return '';
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    switch (first?.extensions?.code) {
      case 'FORBIDDEN':
        return 'You do not have access to this.';
      case 'NOT_FOUND':
        return first.message || 'Not found.';
      case 'RATE_LIMITED':
        return 'Too many requests; try again in a moment.';
      case 'INTERNAL_SERVER_ERROR':
        return 'The server ran into a problem. Try again; if it persists, check the server logs.';
      default:
        return first?.message ?? 'Something went wrong.';
    }
  }
  if (ServerError.is(error)) return `The server answered ${error.statusCode}. Try again shortly.`;
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
