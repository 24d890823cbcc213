import type { ErrorCode } from './__generated__/graphql.js';

/** Codes the client itself raises, next to the server's `ErrorCode`s. */
export type ClientErrorCode =
  /** The request never got an answer: connection refused, reset, or cut before the response. */
  | 'NETWORK_ERROR'
  /** No answer within `timeoutMs`. */
  | 'TIMEOUT'
  /** A non-2xx HTTP status with no GraphQL error in the body (a proxy or load balancer answered). */
  | 'HTTP_ERROR'
  /** A 2xx answer that is not a GraphQL response. */
  | 'BAD_RESPONSE'
  /** `enqueue` refused an event: `batch.maxQueueSize` events are already waiting. */
  | 'QUEUE_FULL'
  /** The client was closed; it accepts nothing more. */
  | 'CLIENT_CLOSED'
  /** `flush()`/`close()`: some queued events could not be delivered (see `failures`). */
  | 'DELIVERY_FAILED';

/** Every code a caller may branch on. Unknown server codes (e.g. GRAPHQL_VALIDATION_FAILED) pass through as strings. */
export type UsageErrorCode = ErrorCode | ClientErrorCode | (string & {});

/**
 * Whether a server code is worth another attempt with the same requestId. A Record over the
 * generated ErrorCode union, so a code added to the schema fails type-checking here until someone
 * decides. Retrying is always safe for recording (the requestId makes it idempotent); it is only
 * useless for codes that describe the request itself.
 */
const RETRY_SERVER_CODE: Record<ErrorCode, boolean> = {
  UNAUTHENTICATED: false,
  FORBIDDEN: false,
  BAD_USER_INPUT: false,
  NOT_FOUND: false,
  IDEMPOTENCY_CONFLICT: false,
  QUERY_TOO_COMPLEX: false,
  // The same body would be just as large; the batcher splits batches that hit it.
  PAYLOAD_TOO_LARGE: false,
  LAST_OWNER: false,
  RATE_LIMITED: true,
  SERVICE_UNAVAILABLE: true,
  INTERNAL_SERVER_ERROR: true,
};

export function isRetryableServerCode(code: string): boolean {
  return (
    Object.prototype.hasOwnProperty.call(RETRY_SERVER_CODE, code) && RETRY_SERVER_CODE[code as ErrorCode]
  );
}

export interface FieldProblem {
  field: string;
  message: string;
  index?: number;
}

/** One queued event that could not be delivered, with the reason; the event keeps its requestId, so it can be replayed safely. */
export interface DeliveryFailure<E = unknown> {
  event: E;
  error: UsageMonitorError;
}

export interface UsageMonitorErrorDetails {
  retryable?: boolean;
  status?: number;
  field?: string;
  index?: number;
  problems?: FieldProblem[];
  attempts?: number;
  failures?: DeliveryFailure[];
  cause?: unknown;
}

export class UsageMonitorError extends Error {
  override readonly name = 'UsageMonitorError';
  readonly code: UsageErrorCode;
  /** True when another attempt with the same requestId could succeed. */
  readonly retryable: boolean;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** BAD_USER_INPUT / IDEMPOTENCY_CONFLICT: the input field at fault. */
  readonly field?: string;
  /** In a batch: the index of the event at fault. */
  readonly index?: number;
  readonly problems?: FieldProblem[];
  /** How many attempts were made before giving up. */
  attempts: number;
  /** record(): the event's requestId, so it can be kept and sent again later (it counts once). */
  requestId?: string;
  /** DELIVERY_FAILED: each undelivered event and why. */
  readonly failures?: DeliveryFailure[];

  constructor(code: UsageErrorCode, message: string, details: UsageMonitorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.retryable = details.retryable ?? false;
    this.status = details.status;
    this.field = details.field;
    this.index = details.index;
    this.problems = details.problems;
    this.attempts = details.attempts ?? 1;
    this.failures = details.failures;
  }
}
