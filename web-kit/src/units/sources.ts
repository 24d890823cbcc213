// Mirrored from schema.graphql (UsageSource) so that the kit needs no app's codegen.
export type UsageSourceName = 'API' | 'GATEWAY' | 'GATEWAY_ESTIMATED' | 'WEBHOOK';

/** How a call reached the meter, in the order filters offer them. */
export const USAGE_SOURCES: readonly UsageSourceName[] = ['API', 'GATEWAY', 'GATEWAY_ESTIMATED', 'WEBHOOK'];

export const USAGE_SOURCE_LABELS: Record<UsageSourceName, string> = {
  API: 'API',
  GATEWAY: 'Gateway',
  GATEWAY_ESTIMATED: 'Gateway (estimated)',
  WEBHOOK: 'Webhook',
};

/** What each source means, for a tooltip or a legend. */
export const USAGE_SOURCE_DESCRIPTIONS: Record<UsageSourceName, string> = {
  API: 'Reported by the integration with recordUsage',
  GATEWAY: 'Metered by the gateway from the units the provider reported',
  GATEWAY_ESTIMATED:
    'Metered by the gateway, which counted the units itself because the provider reported none (a stream cut off)',
  WEBHOOK: 'Sent by the provider’s webhook (Smartflo call records)',
};

/** A `source` search parameter, or undefined for anything that is not a known source. */
export function parseUsageSource(value: string | null | undefined): UsageSourceName | undefined {
  const upper = value?.toUpperCase();
  return USAGE_SOURCES.find((source) => source === upper);
}
