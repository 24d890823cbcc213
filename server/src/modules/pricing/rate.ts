import { Money, ZERO, formatScaledMoney, parseScaledMoney, roundCost } from '../../core/lib/money.js';
import type { Service, UnitKind } from '../usage/recording/usage-event.js';

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
  /** costUsd as formatMoney writes it, when the rating already had it (the integer path). */
  costText?: string;
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
 * The exact cost of one call under one price, rounded once to the money scale (half-up). Cached
 * input tokens (part of inputTokens) use the cached rate when the price has one, else the input
 * rate. Seconds are prorated from the per-minute rate (185 s at $0.02/min = 0.061666666667).
 *
 * The rule is `billingOf`; it is evaluated in integers of 10^-12 USD (BigInt) whenever every
 * quantity is a whole number and every rate has at most MONEY_SCALE decimals (always, for tokens
 * and characters): exact, and far cheaper than decimal objects on a path that runs for every
 * event. Otherwise (fractional seconds, a finer rate) in decimals, as `rateWithDecimals` does.
 */
export function rate(units: BillableUnits, price: Price | undefined): Rated {
  if (!price) return UNPRICED;
  const billing = billingOf(units, price);
  if (!billing) return UNPRICED;
  const scaled = costInScaledIntegers(billing);
  if (scaled === undefined) return { costUsd: costInDecimals(billing), pricingStatus: 'PRICED', priceId: price.id };
  const costText = formatScaledMoney(scaled);
  return { costUsd: new Money(costText), costText, pricingStatus: 'PRICED', priceId: price.id };
}

/** The same rule evaluated in decimals only: the reference the integer evaluation is tested against. */
export function rateWithDecimals(units: BillableUnits, price: Price): Rated {
  const billing = billingOf(units, price);
  if (!billing) return UNPRICED;
  return { costUsd: costInDecimals(billing), pricingStatus: 'PRICED', priceId: price.id };
}

/** What a call is billed: each quantity at its rate, their sum divided by `per` units. */
interface Billing {
  terms: readonly (readonly [quantity: number, rate: string])[];
  /** 1,000 (rates per 1k tokens or characters) or 60 (per-minute rates, quantities in seconds). */
  per: number;
}

/** null: the price does not price this kind of unit. */
function billingOf(units: BillableUnits, price: Price): Billing | null {
  switch (units.unitKind) {
    case 'TOKENS': {
      if (price.inputPer1kTokens === null || price.outputPer1kTokens === null) return null;
      const cached = units.cachedInputTokens ?? 0;
      return {
        per: 1000,
        terms: [
          [(units.inputTokens ?? 0) - cached, price.inputPer1kTokens],
          [cached, price.cachedInputPer1kTokens ?? price.inputPer1kTokens],
          [units.outputTokens ?? 0, price.outputPer1kTokens],
        ],
      };
    }
    case 'CHARACTERS':
      if (price.per1kCharacters === null) return null;
      return { per: 1000, terms: [[units.characters ?? 0, price.per1kCharacters]] };
    case 'SECONDS':
      if (price.perMinute === null) return null;
      return { per: 60, terms: [[units.durationSeconds ?? 0, price.perMinute]] };
  }
}

function costInDecimals(billing: Billing): Money {
  let sum = ZERO;
  // String(number) is the shortest text that round-trips the double the client sent.
  for (const [quantity, rateText] of billing.terms) sum = sum.plus(new Money(String(quantity)).times(rateText));
  return roundCost(sum.dividedBy(billing.per));
}

/** In integers of 10^-MONEY_SCALE USD, rounded half-up; undefined when the integers cannot hold it exactly. */
function costInScaledIntegers(billing: Billing): bigint | undefined {
  let sum = 0n;
  for (const [quantity, rateText] of billing.terms) {
    if (!Number.isSafeInteger(quantity) || quantity < 0) return undefined;
    const scaledRate = scaledRateOf(rateText);
    if (scaledRate === undefined) return undefined;
    sum += BigInt(quantity) * scaledRate;
  }
  const per = BigInt(billing.per);
  // Half-up for amounts >= 0 (both divisors are even).
  return (sum + per / 2n) / per;
}

/** Rates come from the price table, so there are few distinct texts: each is parsed once. */
const scaledRates = new Map<string, bigint | undefined>();

function scaledRateOf(text: string): bigint | undefined {
  if (!scaledRates.has(text)) scaledRates.set(text, parseScaledMoney(text));
  return scaledRates.get(text);
}
