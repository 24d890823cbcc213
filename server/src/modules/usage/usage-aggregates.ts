import { Money, ZERO, formatMoney } from '../../core/lib/money.js';
import { formatDay, monthWindow } from '../../core/lib/period.js';
import type { PricedEvent } from './usage-recorder.js';

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
  const window = monthWindow(event.occurredAt);
  const seconds = new Money(String(event.durationSeconds ?? 0));
  const isOpenai = event.service === 'OPENAI';
  return {
    tenantId: event.tenantId,
    period: window.period,
    periodStart: formatDay(window.start),
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
    totalApiCalls: 1,
    errorCalls: event.status === 'ERROR' ? 1 : 0,
    unpricedCalls: event.pricingStatus === 'UNPRICED' ? 1 : 0,
  };
}

export function addSummary(a: SummaryIncrement, b: SummaryIncrement): SummaryIncrement {
  return {
    ...a,
    openaiInputTokens: a.openaiInputTokens + b.openaiInputTokens,
    openaiCachedInputTokens: a.openaiCachedInputTokens + b.openaiCachedInputTokens,
    openaiOutputTokens: a.openaiOutputTokens + b.openaiOutputTokens,
    openaiCharacters: a.openaiCharacters + b.openaiCharacters,
    openaiSeconds: a.openaiSeconds.plus(b.openaiSeconds),
    openaiCostUsd: a.openaiCostUsd.plus(b.openaiCostUsd),
    elevenlabsCharacters: a.elevenlabsCharacters + b.elevenlabsCharacters,
    elevenlabsCostUsd: a.elevenlabsCostUsd.plus(b.elevenlabsCostUsd),
    smartfloSeconds: a.smartfloSeconds.plus(b.smartfloSeconds),
    smartfloCostUsd: a.smartfloCostUsd.plus(b.smartfloCostUsd),
    totalCostUsd: a.totalCostUsd.plus(b.totalCostUsd),
    totalApiCalls: a.totalApiCalls + b.totalApiCalls,
    errorCalls: a.errorCalls + b.errorCalls,
    unpricedCalls: a.unpricedCalls + b.unpricedCalls,
  };
}

/** Groups increments by key, sorted by key so concurrent transactions lock rows in one order. */
export function groupBy<T>(items: T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const groups = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const existing = groups.get(k);
    groups.set(k, existing ? merge(existing, item) : item);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

export function rollupIncrementOf(event: PricedEvent): RollupIncrement {
  return {
    tenantId: event.tenantId,
    day: formatDay(event.occurredAt),
    service: event.service,
    model: event.model ?? '',
    apiCalls: 1,
    errorCalls: event.status === 'ERROR' ? 1 : 0,
    unpricedCalls: event.pricingStatus === 'UNPRICED' ? 1 : 0,
    units: chartUnits(event),
    costUsd: event.costUsd,
  };
}

export function addRollup(a: RollupIncrement, b: RollupIncrement): RollupIncrement {
  return {
    ...a,
    apiCalls: a.apiCalls + b.apiCalls,
    errorCalls: a.errorCalls + b.errorCalls,
    unpricedCalls: a.unpricedCalls + b.unpricedCalls,
    units: a.units.plus(b.units),
    costUsd: a.costUsd.plus(b.costUsd),
  };
}

export const moneyText = (value: Money) => formatMoney(value);
