import Negotiator from 'negotiator';
import { ErrorCode } from '../graphql/errors.js';

/**
 * The answer to a GraphQL request whose body cannot be read (too large, or not a JSON object),
 * in GraphQL's shape: Express's default handler would render an HTML page with the stack trace
 * outside production. Such a request is not well-formed, so it keeps its 4xx for either media
 * type (GraphQL over HTTP), in the one the client prefers: Apollo Client reads a 4xx body as
 * GraphQL errors only when it is application/graphql-response+json.
 */
export function unreadableBodyAnswer(reason: 'too-large' | 'not-json', accept: string | undefined, maxBodyBytes: number) {
  const type = new Negotiator({ headers: { accept: accept ?? '*/*' } }).mediaType(['application/json', 'application/graphql-response+json']) ?? 'application/json';
  const error =
    reason === 'too-large'
      ? { status: 413, message: `Request body is larger than ${maxBodyBytes} bytes`, code: ErrorCode.PAYLOAD_TOO_LARGE }
      : { status: 400, message: 'Request body is not valid JSON', code: 'BAD_REQUEST' };
  return { status: error.status, type: `${type}; charset=utf-8`, body: JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }) };
}

/** The answer to a request that failed inside the server itself (the app's last error handler and the hot path's). */
export const INTERNAL_ERROR_BODY = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
