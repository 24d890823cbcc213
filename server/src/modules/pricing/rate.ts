import { Money, ZERO, money, roundCost } from '../../core/lib/money.js';
import type { Service, UnitKind } from '../usage/usage-event.js';

/** One row of the price table; rates are exact decimal strings (null: not priced for that unit). */
export interface Price {
  id: string;
  service: Service;
  /** "" applies to every model of the service. */
  modelPrefix: string;
  inputPer1kTokens: string | null;
  cachedInputPer1kTokens: string | null;
  outputPer1kTokens: string | null;
  per1kCharacters: string | null;
  perMinute: string | null;
  effectiveFrom: Date;
}

export interface BillableUnits {
  unitKind: UnitKind;
  inputTokens: number | null;
  cachedInputTokens: number | null;
  outputTokens: number | null;
  characters: number | null;
  durationSeconds: number | null;
}

export interface Rated {
  costUsd: Money;
  pricingStatus: 'PRICED' | 'UNPRICED';
  priceId: string | null;
}

const UNPRICED: Rated = { costUsd: ZERO, pricingStatus: 'UNPRICED', priceId: null };

/**
 * The price in force for a call: among prices of the service whose model prefix matches, the
 * longest prefix wins (gpt-4o-mini-2024-07-18 → gpt-4o-mini, not gpt-4o or gpt-4); among that
 * prefix's rows, the latest one effective at the call's time. Prices may be scheduled ahead, and
 * a call is priced by the time it happened, so adding a price never rewrites past costs.
 */
export function findPrice(prices: readonly Price[], service: Service, model: string | null, at: Date): Price | undefined {
  const name = model ?? '';
  let best: Price | undefined;
  for (const price of prices) {
    if (price.service !== service || price.effectiveFrom.getTime() > at.getTime()) continue;
    if (!name.startsWith(price.modelPrefix)) continue;
    if (
      !best ||
      price.modelPrefix.length > best.modelPrefix.length ||
      (price.modelPrefix.length === best.modelPrefix.length && price.effectiveFrom > best.effectiveFrom)
    ) {
      best = price;
    }
  }
  return best;
}

/**
 * The exact cost of one call under one price, rounded once to the money scale. Cached input
 * tokens (part of inputTokens) use the cached rate when the price has one, else the input rate.
 * Seconds are prorated from the per-minute rate (185 s at $0.02/min = 0.061666666667).
 */
export function rate(units: BillableUnits, price: Price | undefined): Rated {
  if (!price) return UNPRICED;
  const thousand = 1000;
  let cost = ZERO;
  switch (units.unitKind) {
    case 'TOKENS': {
      if (price.inputPer1kTokens === null || price.outputPer1kTokens === null) return UNPRICED;
      const cached = units.cachedInputTokens ?? 0;
      const uncached = (units.inputTokens ?? 0) - cached;
      const cachedRate = money(price.cachedInputPer1kTokens ?? price.inputPer1kTokens);
      cost = money(uncached)
        .times(price.inputPer1kTokens)
        .plus(money(cached).times(cachedRate))
        .plus(money(units.outputTokens ?? 0).times(price.outputPer1kTokens))
        .dividedBy(thousand);
      break;
    }
    case 'CHARACTERS':
      if (price.per1kCharacters === null) return UNPRICED;
      cost = money(units.characters ?? 0).times(price.per1kCharacters).dividedBy(thousand);
      break;
    case 'SECONDS':
      if (price.perMinute === null) return UNPRICED;
      // String(number) is the shortest text that round-trips the double the client sent.
      cost = new Money(String(units.durationSeconds ?? 0)).times(price.perMinute).dividedBy(60);
      break;
  }
  return { costUsd: roundCost(cost), pricingStatus: 'PRICED', priceId: price.id };
}
