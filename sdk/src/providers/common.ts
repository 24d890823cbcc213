import type { CallStatus } from '../__generated__/graphql.js';
import type { UsageEvent } from '../client.js';

/** What every helper lets the caller set or override on the event it builds. */
export interface EventOverrides {
  requestId?: string;
  /**
   * The tenant's own user who caused the call (an opaque id of 1-255 characters), so usage can
   * be ranked and capped per end user. Left out, the call counts for the tenant only.
   */
  endUser?: string;
  status?: CallStatus;
  occurredAt?: Date | string;
  metadata?: unknown;
  tenantId?: string;
}

export function withOverrides(event: UsageEvent, overrides: EventOverrides = {}): UsageEvent {
  const merged: UsageEvent = { ...event };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/**
 * Characters as a person counts them: Unicode code points, so "é" and "😀" are one each (String
 * length would count the emoji as two UTF-16 units).
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A count the provider sent as a number or a numeric string; undefined when absent. */
export function readCount(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number < 0)
    throw new TypeError(`${what} is not a count >= 0: ${JSON.stringify(value)}`);
  return number;
}
