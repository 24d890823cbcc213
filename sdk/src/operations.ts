// The only GraphQL the client sends. `pnpm --filter @usage-monitor/sdk codegen` validates these
// documents against ../schema.graphql and writes their types to __generated__/graphql.ts, so a
// renamed or removed field fails codegen (and `pnpm check`) instead of failing at an integrator's.

export const RECORD_USAGE = /* GraphQL */ `
  mutation RecordUsage($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      ...RecordedUsage
    }
  }
`;

export const RECORD_USAGES = /* GraphQL */ `
  mutation RecordUsages($inputs: [RecordUsageInput!]!) {
    recordUsages(inputs: $inputs) {
      ...RecordedUsage
    }
  }
`;

export const CHECK_QUOTA = /* GraphQL */ `
  query CheckQuota($service: Service!, $estimatedUnits: Float!) {
    checkQuota(service: $service, estimatedUnits: $estimatedUnits) {
      allowed
      reason
      remaining
    }
  }
`;

const RECORDED_USAGE = /* GraphQL */ `
  fragment RecordedUsage on RecordUsagePayload {
    duplicate
    log {
      id
      requestId
      costUsd
      pricingStatus
      occurredAt
    }
    quotas {
      metric
      used
      limit
      percentUsed
      level
      projectedLimitAt
    }
    alerts {
      id
      type
      metric
      thresholdPercent
      status
      message
      createdAt
    }
  }
`;

/** Operation text as sent: each operation with the fragment it spreads. */
export const DOCUMENTS = {
  recordUsage: RECORD_USAGE + RECORDED_USAGE,
  recordUsages: RECORD_USAGES + RECORDED_USAGE,
  checkQuota: CHECK_QUOTA,
} as const;
