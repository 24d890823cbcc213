import { Money, formatMoney, formatScaledMoney, parseScaledMoney, roundCost } from '../../core/lib/money.js';

/** A markup in percent has at most this many decimals ("12.345678"). */
export const MARKUP_DECIMALS = 6;

/** One row of a tenant's pricing: from `effectiveFrom` on, charged = provider cost x (1 + markupPercent / 100). */
export interface Markup {
  effectiveFrom: Date;
  /** Exact decimal text, e.g. "20", "-10", "12.5". */
  markupPercent: string;
}

/** A priced call's two amounts: what the provider charges the platform, and what the tenant is charged. */
export interface Charge {
  providerCostText: string;
  costText: string;
}

/**
 * The one rounding rule of reseller pricing. The provider cost is the price table's cost, already
 * rounded once to the money scale (12 decimals, half-up: rate.ts). The charged cost is that
 * rounded provider cost times (1 + markup / 100), rounded once more to 12 decimals half-up. With
 * no markup (or 0 %) the charged cost is the provider cost itself, so nothing changes.
 *
 * Evaluated in integers: the provider cost in 10^-12 USD times the factor in 10^-8 (a markup has
 * at most 6 decimals, so 1 + m/100 has at most 8), divided by 10^8 half-up. Both are >= 0 (a
 * markup is >= -100 %), so half-up on the integers is half-up on the amounts. Text the integers
 * cannot read (never produced by rate.ts) goes through decimals, with the same rule.
 */
export function chargeOf(providerCostText: string, markupPercent: string | undefined): Charge {
  if (markupPercent === undefined || isZeroText(markupPercent)) return { providerCostText, costText: providerCostText };
  const scaledCost = parseScaledMoney(providerCostText);
  const scaledFactor = factorOf(markupPercent);
  if (scaledCost === undefined || scaledFactor === undefined) {
    const factor = new Money(markupPercent).dividedBy(100).plus(1);
    return { providerCostText, costText: formatMoney(roundCost(new Money(providerCostText).times(factor))) };
  }
  return { providerCostText, costText: formatScaledMoney((scaledCost * scaledFactor + FACTOR_UNIT / 2n) / FACTOR_UNIT) };
}

/** The markup in force at `at` among a tenant's rows (sorted by effectiveFrom ascending); undefined: none. */
export function markupAt(rows: readonly Markup[] | undefined, at: Date): string | undefined {
  if (!rows) return undefined;
  const time = at.getTime();
  let found: string | undefined;
  for (const row of rows) {
    if (row.effectiveFrom.getTime() > time) break;
    found = row.markupPercent;
  }
  return found;
}

/** Charged minus provider cost, and that as a percent of provider cost (null when provider cost is 0); exact, 2 decimals for the percent. */
export function marginOf(costUsd: string, providerCostUsd: string): { marginUsd: string; marginPercent: string | null } {
  const margin = new Money(costUsd).minus(providerCostUsd);
  const provider = new Money(providerCostUsd);
  return {
    marginUsd: formatMoney(margin),
    marginPercent: provider.isZero() ? null : formatMoney(margin.dividedBy(provider).times(100).toDecimalPlaces(2)),
  };
}

/** Why a markup text is refused, or null when it is one. */
export function markupProblem(text: string): string | null {
  if (!/^-?\d{1,6}(\.\d+)?$/.test(text)) return 'must be a decimal percent such as "20" or "-10"';
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  if (decimals > MARKUP_DECIMALS) return `may have at most ${MARKUP_DECIMALS} decimals`;
  if (new Money(text).lt(-100)) return 'may not be below -100 (a charge below zero)';
  return null;
}

const FACTOR_UNIT = 10n ** BigInt(MARKUP_DECIMALS + 2);
const factors = new Map<string, bigint | undefined>();

/** 1 + markup/100 in integers of 10^-8; markups are few distinct texts, each parsed once. */
function factorOf(markupPercent: string): bigint | undefined {
  if (!factors.has(markupPercent)) {
    const factor = new Money(markupPercent).dividedBy(100).plus(1).times(FACTOR_UNIT.toString());
    factors.set(markupPercent, factor.isInteger() && factor.gte(0) ? BigInt(factor.toFixed()) : undefined);
  }
  return factors.get(markupPercent);
}

function isZeroText(text: string): boolean {
  return /^-?0*(\.0*)?$/.test(text);
}
