import { MONEY_SCALE, Money, ZERO, money, roundCost } from '../../core/lib/money.js';
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
 * Tokens and characters are whole numbers and rates have at most MONEY_SCALE decimals, so their
 * cost is computed in integers of 10^-12 USD (BigInt), exactly; it runs for every event and was
 * a large share of a batch's CPU in decimal objects. `rateWithDecimals` is the same rule in
 * decimal arithmetic: it prices seconds (a float's digits), any rate the integers cannot hold,
 * and is the reference the integer path is tested against.
 */
export function rate(units: BillableUnits, price: Price | undefined): Rated {
  if (!price) return UNPRICED;
  if (units.unitKind === 'SECONDS') return rateWithDecimals(units, price);
  const rates = scaledRatesOf(price);
  let perThousand: bigint;
  if (units.unitKind === 'TOKENS') {
    if (rates.input === undefined || rates.output === undefined || rates.cachedInput === undefined) return rateWithDecimals(units, price);
    if (rates.input === null || rates.output === null) return UNPRICED;
    const cached = BigInt(units.cachedInputTokens ?? 0);
    const uncached = BigInt(units.inputTokens ?? 0) - cached;
    perThousand = uncached * rates.input + cached * (rates.cachedInput ?? rates.input) + BigInt(units.outputTokens ?? 0) * rates.output;
  } else {
    if (rates.characters === undefined) return rateWithDecimals(units, price);
    if (rates.characters === null) return UNPRICED;
    perThousand = BigInt(units.characters ?? 0) * rates.characters;
  }
  // Per 1k units, and half-up at the money scale (the amounts are never negative here).
  const scaled = (perThousand + 500n) / 1000n;
  const costText = scaledToText(scaled);
  return { costUsd: new Money(costText), costText, pricingStatus: 'PRICED', priceId: price.id };
}

export function rateWithDecimals(units: BillableUnits, price: Price): Rated {
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

/** A price's rates in integers of 10^-12 USD: null when not priced, undefined when not representable. */
interface ScaledRates {
  input: bigint | null | undefined;
  cachedInput: bigint | null | undefined;
  output: bigint | null | undefined;
  characters: bigint | null | undefined;
}

const scaledRates = new WeakMap<Price, ScaledRates>();

function scaledRatesOf(price: Price): ScaledRates {
  let rates = scaledRates.get(price);
  if (!rates) {
    rates = {
      input: scaledRate(price.inputPer1kTokens),
      cachedInput: scaledRate(price.cachedInputPer1kTokens),
      output: scaledRate(price.outputPer1kTokens),
      characters: scaledRate(price.per1kCharacters),
    };
    scaledRates.set(price, rates);
  }
  return rates;
}

const RATE_TEXT = new RegExp(`^(\\d+)(?:\\.(\\d{1,${MONEY_SCALE}}))?$`);

function scaledRate(text: string | null): bigint | null | undefined {
  if (text === null) return null;
  const match = RATE_TEXT.exec(text);
  if (!match) return undefined;
  return BigInt(match[1]! + (match[2] ?? '').padEnd(MONEY_SCALE, '0'));
}

const UNIT = 10n ** BigInt(MONEY_SCALE);

/** formatMoney's text of an amount in integers of 10^-12 (>= 0): "0.0315", "7.2", "0". */
function scaledToText(scaled: bigint): string {
  const whole = (scaled / UNIT).toString();
  const fraction = (scaled % UNIT).toString().padStart(MONEY_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
