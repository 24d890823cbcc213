import { divideDecimal, type DecimalInput } from '../money/money';

// Mirrored from schema.graphql (EndUserOrder) so the kit needs no app's codegen.
export type EndUserOrderName = 'COST_DESC' | 'CALLS_DESC' | 'LAST_SEEN_DESC' | 'END_USER_ASC';

export const END_USER_ORDERS: readonly EndUserOrderName[] = ['COST_DESC', 'CALLS_DESC', 'LAST_SEEN_DESC', 'END_USER_ASC'];

export const END_USER_ORDER_LABELS: Record<EndUserOrderName, string> = {
  COST_DESC: 'Highest cost',
  CALLS_DESC: 'Most calls',
  LAST_SEEN_DESC: 'Most recent',
  END_USER_ASC: 'User id (A–Z)',
};

/** The windows the API keeps per end user (EndUsersInput.days). */
export const END_USER_RANGES = [7, 30, 90, 365] as const;
export type EndUserRange = (typeof END_USER_RANGES)[number];
export const DEFAULT_END_USER_RANGE: EndUserRange = 30;

export function rangeLabel(days: number): string {
  return days === 365 ? '1 year' : `${days} days`;
}

export function parseEndUserOrder(value: string | null | undefined): EndUserOrderName {
  return END_USER_ORDERS.find((order) => order === value) ?? 'COST_DESC';
}

export function parseEndUserRange(value: string | null | undefined): EndUserRange {
  return END_USER_RANGES.find((days) => String(days) === value) ?? DEFAULT_END_USER_RANGE;
}

/**
 * An end-user id from the URL or a text box: trimmed, at most 255 characters (the API's limit),
 * undefined when empty so that the filter is left out rather than sent as "".
 */
export function parseEndUser(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text.slice(0, 255) : undefined;
}

/** Total cost / calls, exact, rounded as the API rounds EndUserUsage.costPerCallUsd. */
export function costPerCall(totalCostUsd: DecimalInput, apiCalls: number): string | null {
  return divideDecimal(totalCostUsd, apiCalls);
}

/** Total cost / the range's days, as EndUserUsage.dailyAverageCostUsd. */
export function dailyAverage(totalCostUsd: DecimalInput, days: number): string | null {
  return divideDecimal(totalCostUsd, days);
}

