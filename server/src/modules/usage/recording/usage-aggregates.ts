import { Money, ZERO } from '../../../core/lib/money.js';
import type { PricedEvent } from './priced-event.js';

/** Increments of one tenant's monthly summary from a group of events (exact sums, in code). */
export interface SummaryIncrement {
  tenantId: string;
  period: string;
  periodStart: string;
  openaiInputTokens: number;
  openaiCachedInputTokens: number;
  openaiOutputTokens: number;
  openaiCharacters: number;
  openaiSeconds: Money;
  openaiCostUsd: Money;
  elevenlabsCharacters: number;
  elevenlabsCostUsd: Money;
  smartfloSeconds: Money;
  smartfloCostUsd: Money;
  totalCostUsd: Money;
  /** What the provider charged the platform for the same calls (totalCostUsd is the tenant's charge). */
  providerCostUsd: Money;
  totalApiCalls: number;
  errorCalls: number;
  unpricedCalls: number;
}

export interface RollupIncrement {
  tenantId: string;
  day: string;
  service: string;
  model: string;
  apiCalls: number;
  errorCalls: number;
  unpricedCalls: number;
  units: Money;
  costUsd: Money;
  providerCostUsd: Money;
}

/**
 * One end user's increment for a day, service and model. The statement derives the month's total
 * (the per-end-user cap), the 7/30/90/365-day windows (rankings) and the directory (search) from
 * these rows, so each is one array set however many tables it feeds.
 */
export interface EndUserIncrement extends RollupIncrement {
  endUser: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** Units a chart counts for a call: tokens in + out, characters, or minutes. */
export function chartUnits(event: PricedEvent): Money {
  switch (event.unitKind) {
    case 'TOKENS':
      return new Money((event.inputTokens ?? 0) + (event.outputTokens ?? 0));
    case 'CHARACTERS':
      return new Money(event.characters ?? 0);
    case 'SECONDS':
      return new Money(String(event.durationSeconds ?? 0)).dividedBy(60);
  }
}

export function summaryIncrementOf(event: PricedEvent): SummaryIncrement {
  // String(number) is the shortest text that round-trips the double the client sent.
  const seconds = event.durationSeconds === null ? ZERO : new Money(String(event.durationSeconds));
  const isOpenai = event.service === 'OPENAI';
  return {
    tenantId: event.tenantId,
    period: event.period,
    periodStart: event.periodStart,
    openaiInputTokens: isOpenai ? (event.inputTokens ?? 0) : 0,
    openaiCachedInputTokens: isOpenai ? (event.cachedInputTokens ?? 0) : 0,
    openaiOutputTokens: isOpenai ? (event.outputTokens ?? 0) : 0,
    openaiCharacters: isOpenai ? (event.characters ?? 0) : 0,
    openaiSeconds: isOpenai ? seconds : ZERO,
    openaiCostUsd: isOpenai ? event.costUsd : ZERO,
    elevenlabsCharacters: event.service === 'ELEVENLABS' ? (event.characters ?? 0) : 0,
    elevenlabsCostUsd: event.service === 'ELEVENLABS' ? event.costUsd : ZERO,
    smartfloSeconds: event.service === 'SMARTFLO' ? seconds : ZERO,
    smartfloCostUsd: event.service === 'SMARTFLO' ? event.costUsd : ZERO,
    totalCostUsd: event.costUsd,
    providerCostUsd: event.providerCostUsd,
    totalApiCalls: 1,
    errorCalls: event.status === 'ERROR' ? 1 : 0,
    unpricedCalls: event.pricingStatus === 'UNPRICED' ? 1 : 0,
  };
}

/** a + b for money that is often zero (most of an event's per-service columns are): no new Decimal then. */
function plus(a: Money, b: Money): Money {
  if (b.isZero()) return a;
  if (a.isZero()) return b;
  return a.plus(b);
}

/** Adds b into a (a is the group's own accumulator, never an event's increment). */
export function addSummary(a: SummaryIncrement, b: SummaryIncrement): void {
  a.openaiInputTokens += b.openaiInputTokens;
  a.openaiCachedInputTokens += b.openaiCachedInputTokens;
  a.openaiOutputTokens += b.openaiOutputTokens;
  a.openaiCharacters += b.openaiCharacters;
  a.openaiSeconds = plus(a.openaiSeconds, b.openaiSeconds);
  a.openaiCostUsd = plus(a.openaiCostUsd, b.openaiCostUsd);
  a.elevenlabsCharacters += b.elevenlabsCharacters;
  a.elevenlabsCostUsd = plus(a.elevenlabsCostUsd, b.elevenlabsCostUsd);
  a.smartfloSeconds = plus(a.smartfloSeconds, b.smartfloSeconds);
  a.smartfloCostUsd = plus(a.smartfloCostUsd, b.smartfloCostUsd);
  a.totalCostUsd = plus(a.totalCostUsd, b.totalCostUsd);
  a.providerCostUsd = plus(a.providerCostUsd, b.providerCostUsd);
  a.totalApiCalls += b.totalApiCalls;
  a.errorCalls += b.errorCalls;
  a.unpricedCalls += b.unpricedCalls;
}

/**
 * Sums items by key into fresh accumulators (the items themselves are left untouched), sorted by
 * key so concurrent transactions lock rows in one order.
 */
export function sumBy<T extends object>(items: readonly T[], key: (item: T) => string, add: (into: T, item: T) => void): T[] {
  const groups = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const existing = groups.get(k);
    if (existing) add(existing, item);
    else groups.set(k, { ...item });
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

export function rollupIncrementOf(event: PricedEvent): RollupIncrement {
  return {
    tenantId: event.tenantId,
    day: event.day,
    service: event.service,
    model: event.model ?? '',
    apiCalls: 1,
    errorCalls: event.status === 'ERROR' ? 1 : 0,
    unpricedCalls: event.pricingStatus === 'UNPRICED' ? 1 : 0,
    units: chartUnits(event),
    costUsd: event.costUsd,
    providerCostUsd: event.providerCostUsd,
  };
}

/** For an event that names its end user (the caller filters the others out). */
export function endUserIncrementOf(event: PricedEvent & { endUser: string }): EndUserIncrement {
  return { ...rollupIncrementOf(event), endUser: event.endUser, firstSeenAt: event.occurredAtText, lastSeenAt: event.occurredAtText };
}

export function addEndUser(a: EndUserIncrement, b: EndUserIncrement): void {
  addRollup(a, b);
  // ISO-8601 UTC text of one format orders as the instants do.
  if (b.firstSeenAt < a.firstSeenAt) a.firstSeenAt = b.firstSeenAt;
  if (b.lastSeenAt > a.lastSeenAt) a.lastSeenAt = b.lastSeenAt;
}

export function addRollup(a: RollupIncrement, b: RollupIncrement): void {
  a.apiCalls += b.apiCalls;
  a.errorCalls += b.errorCalls;
  a.unpricedCalls += b.unpricedCalls;
  a.units = plus(a.units, b.units);
  a.costUsd = plus(a.costUsd, b.costUsd);
  a.providerCostUsd = plus(a.providerCostUsd, b.providerCostUsd);
}

