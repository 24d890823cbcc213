import type {
  AlertItemFragment,
  QuotaBarFragment,
  RecentCallsQuery,
  ServiceCardFragment,
  UsageDashboardQuery,
} from '../__generated__/graphql';

// Fixtures carry __typename as a server's answers do, so Apollo's cache stores them without warnings.

export const customerViewer = {
  __typename: 'Viewer',
  id: 'u-1',
  email: 'acme@customer.example',
  role: 'CUSTOMER',
  customerRole: 'OWNER',
  tenant: { __typename: 'Tenant', id: 't-acme', name: 'Acme Corp' },
} as const;

export const adminViewer = {
  __typename: 'Viewer',
  id: 'u-admin',
  email: 'admin@example.com',
  role: 'ADMIN',
  customerRole: null,
  tenant: null,
} as const;

export function quota(overrides: Partial<QuotaBarFragment> = {}): QuotaBarFragment {
  return {
    __typename: 'QuotaUsage',
    metric: 'OPENAI_TOKENS',
    used: 420_000,
    limit: 500_000,
    percentUsed: 84,
    level: 'WARNING',
    projectedLimitAt: '2026-11-24T15:00:00.000Z',
    ...overrides,
  } as QuotaBarFragment;
}

export function serviceUsage(overrides: Partial<ServiceCardFragment> = {}): ServiceCardFragment {
  return {
    __typename: 'ServiceUsage',
    service: 'OPENAI',
    units: 420_000,
    costUsd: '12.6',
    apiCalls: 1_234,
    quota: null,
    ...overrides,
  } as ServiceCardFragment;
}

export function alert(overrides: Partial<AlertItemFragment> = {}): AlertItemFragment {
  return {
    __typename: 'Alert',
    id: 'a-1',
    type: 'QUOTA_APPROACHING',
    metric: 'OPENAI_TOKENS',
    status: 'ACTIVE',
    message: 'OpenAI tokens at 84% of limit',
    thresholdPercent: 80,
    currentValue: 420_000,
    limitValue: 500_000,
    period: '2026-11',
    endUser: null,
    createdAt: '2026-11-20T10:15:00.000Z',
    ...overrides,
  } as AlertItemFragment;
}

export function dashboard(
  overrides: Partial<UsageDashboardQuery['usageDashboard']> = {},
): UsageDashboardQuery {
  return {
    usageDashboard: {
      __typename: 'UsageDashboard',
      tenant: { __typename: 'Tenant', id: 't-acme', name: 'Acme Corp' },
      period: '2026-11',
      totalCostUsd: '1234.5',
      previousPeriodTotalCostUsd: '1000',
      activeEndUsers: 0,
      projectedMonthEndCostUsd: '2057.5',
      totalApiCalls: 1_500,
      errorCalls: 12,
      services: [
        serviceUsage({ quota: quota() }),
        serviceUsage({ service: 'ELEVENLABS', units: 1_200, costUsd: '0.036', apiCalls: 3 }),
        serviceUsage({ service: 'SMARTFLO', units: 5.5, costUsd: '0.11', apiCalls: 2 }),
      ],
      costQuota: null,
      alerts: [alert()],
      ...overrides,
    },
  } as UsageDashboardQuery;
}

export function usageLog(
  overrides: Partial<RecentCallsQuery['usageLogs']['nodes'][number]> = {},
): RecentCallsQuery['usageLogs']['nodes'][number] {
  return {
    __typename: 'UsageLog',
    id: 'log-1',
    occurredAt: '2026-11-20T10:15:00.000Z',
    service: 'OPENAI',
    model: 'gpt-4',
    inputTokens: 150,
    outputTokens: 450,
    totalTokens: 600,
    characters: null,
    durationSeconds: null,
    costUsd: '0.0315',
    pricingStatus: 'PRICED',
    status: 'SUCCESS',
    source: 'API',
    voidedAt: null,
    voidReason: null,
    ...overrides,
  } as RecentCallsQuery['usageLogs']['nodes'][number];
}

export function recentCalls(nodes = [usageLog()], totalCount = nodes.length) {
  return { usageLogs: { __typename: 'UsageLogConnection', totalCount, nodes } };
}
