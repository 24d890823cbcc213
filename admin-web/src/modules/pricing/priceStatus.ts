export type PriceState = 'current' | 'scheduled' | 'superseded';

export interface PriceLike {
  id: string;
  service: string;
  model: string;
  effectiveFrom: string;
}

/**
 * For each service and model prefix: prices effective later than `now` are scheduled, the latest
 * one already in effect is current, and older ones are superseded.
 */
export function priceStates(prices: readonly PriceLike[], now: Date = new Date()): Map<string, PriceState> {
  const states = new Map<string, PriceState>();
  const groups = new Map<string, PriceLike[]>();
  for (const p of prices) {
    const key = `${p.service}\u0000${p.model}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom));
    let currentFound = false;
    for (const p of sorted) {
      if (Date.parse(p.effectiveFrom) > now.getTime()) states.set(p.id, 'scheduled');
      else if (!currentFound) {
        states.set(p.id, 'current');
        currentFound = true;
      } else states.set(p.id, 'superseded');
    }
  }
  return states;
}
