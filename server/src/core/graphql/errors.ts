import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { registerEnumType } from 'type-graphql';
import { isDatabaseUnavailable, isRefusedAsData } from '../db/db-errors.js';

/** Every code a client may branch on. Emitted into the schema so clients need no hand-kept copy. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The operation passed a depth, alias, directive, token or cost limit (extensions.limit names it). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is larger than the server accepts (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The change would leave a team (the platform's admins, or a tenant's users) without an OWNER. */
  LAST_OWNER = 'LAST_OWNER',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Values of extensions.code on every GraphQL error.' });

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export interface FieldProblem {
  field: string;
  message: string;
  index?: number;
}

/** Bad input. `field` names the input field (dotted for nested); `index` the item of a batch. */
export class UserInputError extends DomainError {
  constructor(problem: FieldProblem, others: FieldProblem[] = []) {
    const where = problem.index === undefined ? problem.field : `inputs[${problem.index}].${problem.field}`;
    super(ErrorCode.BAD_USER_INPUT, `${where}: ${problem.message}`, {
      field: problem.field,
      ...(problem.index === undefined ? {} : { index: problem.index }),
      ...(others.length > 0 ? { problems: [problem, ...others] } : {}),
    });
  }
}

export const unauthenticated = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send a valid API key');
export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);

/** Collects every field problem of an input, then throws them together (CONVENTIONS 4). */
export class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string, index?: number): void {
    this.list.push(index === undefined ? { field, message } : { field, message, index });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new UserInputError(this.list[0]!, this.list.slice(1));
  }
}

const PASSTHROUGH_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Anything that is not one of our coded errors is masked: no SQL, no stack, no message. GraphQL's
 * own validation and parse errors become BAD_USER_INPUT (GRAPHQL_VALIDATION_FAILED etc. from
 * Apollo are kept as they are: they describe the request, not our internals).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { ...original.extensions } };
  }
  if (code && PASSTHROUGH_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR && !(original && !(original instanceof GraphQLError))) {
    const location = code === ErrorCode.BAD_USER_INPUT ? coercionLocation(formatted.message) : {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...location } };
  }
  if (code && /^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_REQUEST|PERSISTED_QUERY_NOT_FOUND|PERSISTED_QUERY_NOT_SUPPORTED|OPERATION_RESOLUTION_FAILURE)$/.test(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  if (code === 'BAD_USER_INPUT') {
    // Variable coercion errors ("Variable $x got invalid value ...") name the variable, not internals.
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  if (isRefusedAsData(original ?? error)) {
    // PostgreSQL refused a value the caller sent (typically an id that is not a UUID; text with
    // NUL or unpaired surrogates is refused earlier, by the operation checks in core/http/graphql-guards.ts): bad input, not a bug.
    return { message: 'A value is malformed (e.g. an id that is not a UUID, or text with NUL or unpaired surrogates)', path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (isDatabaseUnavailable(original ?? error)) {
    // An outage is not a bug: a stable, retryable code instead of a masked internal error.
    return { message: 'The database is unavailable; retry shortly', path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

export const serviceUnavailable = () => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; retry shortly');

/**
 * Where a variable coercion error points, as `field` (and `index` for a list variable), so a bad
 * Int or enum in a batch is named like any other bad input (api-contract.md "Errors").
 * graphql-js only puts the path in the message:
 *   Variable "$inputs" got invalid value 1.5 at "inputs[3].inputTokens"; Int cannot represent …
 *   Variable "$input" got invalid value { … }; Field "requestId" of required type "String!" was not provided.
 */
export function coercionLocation(message: string): { field?: string; index?: number } {
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(message)?.[1];
  if (!variable) return {};
  // Anchored on the variable's own name after an unescaped quote, so text inside the printed
  // value (JSON-escaped) cannot pose as the path.
  const at = new RegExp(` at "${variable}((?:\\[\\d+\\]|\\.\\w+)*)"; `).exec(message);
  const reason = at ? message.slice(at.index + at[0].length) : message.slice(message.lastIndexOf('; ') + 2);
  let path = at?.[1] ?? '';
  const named = /^Field "(\w+)" (?:of required type .* was not provided|is not defined by type)/.exec(reason);
  if (named) path += `.${named[1]}`;
  const index = /^\[(\d+)\]/.exec(path)?.[1];
  const field = path.replace(/\[\d+\]/g, '').replace(/^\./, '');
  return { field: field || variable, ...(index === undefined ? {} : { index: Number(index) }) };
}
