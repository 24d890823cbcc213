import { backoffDelay, parseRetryAfter, type RetryOptions } from './backoff.js';
import { isRetryableServerCode, UsageMonitorError, type FieldProblem } from './errors.js';

export interface TransportOptions {
  url: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryOptions;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: string; field?: string; index?: number; problems?: FieldProblem[] };
}

/** A failed attempt that carries the server's Retry-After hint along with the error. */
class AttemptError extends Error {
  constructor(
    readonly error: UsageMonitorError,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
  }
}

/** One POST of one operation; resolves with `data` or throws an AttemptError. */
async function attempt<T>(options: TransportOptions, query: string, variables: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let status: number | undefined;
  let retryAfter: string | null = null;
  let text: string;
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
        authorization: `Bearer ${options.apiKey}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (cause) {
    // A response cut mid-way is as unknown as no response: the server may have committed, so
    // only a retry with the same requestId (answered `duplicate: true`) settles it.
    const timedOut = controller.signal.aborted;
    throw new AttemptError(
      new UsageMonitorError(
        timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
        timedOut
          ? `No answer from ${options.url} within ${options.timeoutMs} ms`
          : `Could not reach ${options.url}: ${describe(cause)}`,
        {
          retryable: true,
          status,
          cause,
        },
      ),
    );
  } finally {
    clearTimeout(timer);
  }

  let body: { data?: T | null; errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const retryAfterMs = parseRetryAfter(retryAfter);
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  if (first) {
    const code =
      first.extensions?.code ??
      (status !== undefined && status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_RESPONSE');
    throw new AttemptError(
      new UsageMonitorError(code, first.message ?? code, {
        retryable: isRetryableServerCode(code) || status === 429,
        status,
        field: first.extensions?.field,
        index: first.extensions?.index,
        problems: first.extensions?.problems,
      }),
      retryAfterMs,
    );
  }
  if (status === undefined || status < 200 || status >= 300) {
    throw new AttemptError(
      new UsageMonitorError('HTTP_ERROR', `HTTP ${status} from ${options.url}`, {
        retryable: status === undefined || status >= 500 || status === 429 || status === 408,
        status,
      }),
      retryAfterMs,
    );
  }
  if (!body || body.data === undefined || body.data === null) {
    // Retrying is safe (idempotent requestIds) and a garbled 200 is more often a proxy than us.
    throw new AttemptError(
      new UsageMonitorError('BAD_RESPONSE', `The answer from ${options.url} is not a GraphQL response`, {
        retryable: true,
        status,
      }),
    );
  }
  return body.data;
}

/**
 * Sends an operation, retrying what can succeed on another try (network errors, timeouts, 5xx,
 * 429, INTERNAL_SERVER_ERROR / SERVICE_UNAVAILABLE / RATE_LIMITED) with exponential backoff and
 * jitter. The variables are fixed before the first attempt, so every retry carries the same
 * requestIds. BAD_USER_INPUT, IDEMPOTENCY_CONFLICT and auth errors fail at once.
 */
export async function send<T>(options: TransportOptions, query: string, variables: unknown): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt<T>(options, query, variables);
    } catch (thrown) {
      if (!(thrown instanceof AttemptError)) throw thrown;
      const { error, retryAfterMs } = thrown;
      error.attempts = attemptNumber;
      if (!error.retryable || attemptNumber >= options.retry.maxAttempts) throw error;
      await options.sleep(backoffDelay(attemptNumber, options.retry, options.random, retryAfterMs));
    }
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
}
