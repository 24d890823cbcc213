import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BATCH_RETRY, DEFAULT_RETRY, parseRetryAfter } from './backoff.js';
import { isRetryableServerCode } from './errors.js';
import { newRequestId } from './request-id.js';

const options = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('draws from [0, base·2^(n-1)), growing exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(200);
  });

  it('spreads clients that failed together (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(4, options)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(0);
    for (const delay of delays) expect(delay).toBeLessThan(800);
  });

  it("takes the server's Retry-After as a floor, still capped", () => {
    expect(backoffDelay(1, options, () => 0, 300)).toBe(300);
    expect(backoffDelay(1, options, () => 0, 60_000)).toBe(1000);
  });

  it('gives background batches more attempts than record(), still bounded', () => {
    const options = { ...DEFAULT_RETRY, ...DEFAULT_BATCH_RETRY };
    const ceilings = Array.from({ length: options.maxAttempts - 1 }, (_, i) =>
      backoffDelay(i + 1, options, () => 0.999999),
    );
    expect(options.maxAttempts).toBeGreaterThan(DEFAULT_RETRY.maxAttempts);
    expect(ceilings.reduce((a, b) => a + b, 0)).toBeLessThan(25_000);
  });

  it('has defaults that give up within seconds, not minutes', () => {
    const worst = [1, 2, 3, 4].reduce((sum, n) => sum + backoffDelay(n, DEFAULT_RETRY, () => 0.999999), 0);
    expect(worst).toBeLessThan(4000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('retry classification', () => {
  it('retries only what another attempt can fix', () => {
    expect(
      ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED'].map(isRetryableServerCode),
    ).toEqual([true, true, true]);
    expect(
      [
        'BAD_USER_INPUT',
        'IDEMPOTENCY_CONFLICT',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'GRAPHQL_VALIDATION_FAILED',
        'toString',
      ].map(isRetryableServerCode),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('newRequestId', () => {
  it('is a fresh UUID v4 each time', () => {
    const ids = Array.from({ length: 100 }, newRequestId);
    expect(new Set(ids).size).toBe(100);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
