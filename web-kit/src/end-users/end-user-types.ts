import type { LogUnits, ServiceName } from '../units/units';
import type { UsageSourceName } from '../units/sources';

// Structural shapes of the kit's EndUserRow and EndUserCall fragments (web-kit/src/graphql):
// each app's generated fragment types are assignable to them.

export interface EndUserServiceTotal {
  service: ServiceName;
  units: number;
  costUsd: string;
  apiCalls: number;
}

export interface EndUserRowData {
  tenant: { id: string; name: string };
  endUser: string;
  totalCostUsd: string;
  apiCalls: number;
  errorCalls: number;
  costPerCallUsd: string;
  dailyAverageCostUsd: string;
  services: readonly EndUserServiceTotal[];
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface EndUserCallData extends LogUnits {
  id: string;
  occurredAt: string;
  service: ServiceName;
  model: string | null;
  costUsd: string;
  pricingStatus: 'PRICED' | 'UNPRICED';
  status: 'SUCCESS' | 'ERROR';
  source: UsageSourceName;
}

/** Where a connection's rows come from: loading and error states are the app's query's. */
export interface EndUserCallsState {
  calls: readonly EndUserCallData[] | undefined;
  totalCount?: number;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
}
