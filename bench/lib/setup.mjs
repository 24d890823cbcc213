// Tenants, quotas and real API keys, created through the admin GraphQL API as an operator would.
import { gql } from './servers.mjs';

const CREATE_TENANT = 'mutation($n: String!) { createTenant(input: { name: $n }) { id } }';
const CREATE_KEY = 'mutation($t: ID!) { createApiKey(name: "bench", tenantId: $t) { key } }';
const SET_QUOTA = 'mutation($t: ID!, $q: QuotaInput!) { setQuota(tenantId: $t, input: $q) { tenant { id } } }';

/**
 * `count` tenants named `${prefix}-N`, each with an API key and a quota high enough never to be
 * reached, so every event still runs the quota and alert checks (`quota` adds limits, e.g. the
 * per-end-user cap for B8).
 */
export async function createTenants(baseUrl, token, prefix, count, quota = {}) {
  const tenants = [];
  for (let n = 0; n < count; n++) {
    const { createTenant } = await gql(baseUrl, CREATE_TENANT, { n: `${prefix}-${n}` }, token);
    const { createApiKey } = await gql(baseUrl, CREATE_KEY, { t: createTenant.id }, token);
    await gql(baseUrl, SET_QUOTA, { t: createTenant.id, q: { openaiTokenLimit: 1e15, monthlyCostLimitUsd: '1000000000', alertAtPercentage: 80, ...quota } }, token);
    tenants.push({ id: createTenant.id, key: createApiKey.key });
  }
  return tenants;
}

export { SET_QUOTA };
