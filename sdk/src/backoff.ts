export interface RetryOptions {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts: number;
  /** Ceiling of the first retry's delay. Default 200 ms. */
  baseDelayMs: number;
  /** No delay is ever longer. Default 10 s. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };
/** Background batches: same curve, more attempts (their ceilings add up to about 23 s). */
export const DEFAULT_BATCH_RETRY: Pick<RetryOptions, 'maxAttempts'> = { maxAttempts: 8 };

/**
 * Delay before retry number `retry` (1 = the first retry): "full jitter", a uniform draw in
 * [0, min(max, base·2^(retry-1))). Exponential growth backs off from a struggling server; the
 * random spread stops many clients that failed together from retrying in lockstep. A server's
 * Retry-After, when it sends one, is a floor (still capped by maxDelayMs).
 */
export function backoffDelay(
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.min(options.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
