import type { Money } from '../../../core/lib/money.js';
import type { UsageEvent } from './usage-event.js';

/** An event after pricing: what the recorder writes and the aggregate increments are built from. */
export interface PricedEvent extends UsageEvent {
  logId: string;
  costUsd: Money;
  /** costUsd as the API and the SQL parameters write it (formatted once per event). */
  costText: string;
  /** What the provider charges the platform; costUsd is this with the tenant's markup (pricing/markup.ts). */
  providerCostUsd: Money;
  providerCostText: string;
  /** The UTC day and month of occurredAt, worked out once per event. */
  day: string;
  period: string;
  periodStart: string;
  /** occurredAt as a timestamptz parameter (ISO text: the driver's own Date formatting is slower). */
  occurredAtText: string;
  pricingStatus: 'PRICED' | 'UNPRICED';
  priceId: string | null;
}
