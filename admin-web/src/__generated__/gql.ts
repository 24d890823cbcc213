/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AcknowledgeAlert($id: ID!) {\n  acknowledgeAlert(id: $id) {\n    id\n    status\n    acknowledgedAt\n    acknowledgedBy\n  }\n}\n\nmutation ResolveAlert($id: ID!) {\n  resolveAlert(id: $id) {\n    id\n    status\n    resolvedAt\n    resolvedBy\n  }\n}": typeof types.AcknowledgeAlertDocument,
    "fragment AlertFields on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  createdAt\n  acknowledgedAt\n  acknowledgedBy\n  resolvedAt\n  resolvedBy\n  tenant {\n    id\n    name\n  }\n}": typeof types.AlertFieldsFragmentDoc,
    "subscription AlertRaised {\n  alertRaised {\n    ...AlertFields\n  }\n}": typeof types.AlertRaisedDocument,
    "query Alerts($status: AlertStatus, $tenantId: ID) {\n  alerts(status: $status, tenantId: $tenantId) {\n    ...AlertFields\n  }\n}": typeof types.AlertsDocument,
    "query AuditLog($tenantId: ID) {\n  auditLog(first: 100, tenantId: $tenantId) {\n    id\n    actorEmail\n    action\n    tenant {\n      id\n      name\n    }\n    targetId\n    changes\n    createdAt\n  }\n}": typeof types.AuditLogDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    viewer {\n      id\n      email\n      role\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    id\n    email\n    role\n  }\n}": typeof types.MeDocument,
    "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyRow\n  }\n}\n\nfragment ApiKeyRow on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n    prefix\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyRow\n  }\n}": typeof types.ApiKeysDocument,
    "query Customer($id: ID!) {\n  tenant(id: $id) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n    webhookUrl\n    providerCredentials {\n      provider\n      maskedKey\n      updatedAt\n    }\n  }\n}": typeof types.CustomerDocument,
    "query CustomerOverview($tenantId: ID!, $logFilter: UsageLogFilter) {\n  usageDashboard(tenantId: $tenantId) {\n    period\n    totalCostUsd\n    previousPeriodTotalCostUsd\n    projectedMonthEndCostUsd\n    totalApiCalls\n    errorCalls\n    services {\n      service\n      units\n      costUsd\n      apiCalls\n      quota {\n        ...QuotaBar\n      }\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertFields\n    }\n  }\n  usageHistory(tenantId: $tenantId, months: 6) {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n    openaiTotalTokens\n    elevenlabsCharacters\n    smartfloMinutes\n  }\n  usageLogs(filter: $logFilter, first: 10) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}": typeof types.CustomerOverviewDocument,
    "mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n  updateTenant(id: $id, input: $input) {\n    id\n    name\n    status\n    contactEmail\n    webhookUrl\n  }\n}\n\nmutation RotateWebhookSecret($tenantId: ID!) {\n  rotateWebhookSecret(tenantId: $tenantId) {\n    secret\n  }\n}": typeof types.UpdateTenantDocument,
    "query CustomerUsers($tenantId: ID!) {\n  customerUsers(tenantId: $tenantId) {\n    id\n    email\n    role\n  }\n}\n\nmutation CreateCustomerUser($tenantId: ID!, $email: String!, $password: String!) {\n  createCustomerUser(tenantId: $tenantId, email: $email, password: $password) {\n    id\n    email\n    role\n  }\n}": typeof types.CustomerUsersDocument,
    "query Customers($search: String, $period: String) {\n  tenants(search: $search) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n  monthlySummaries(period: $period) {\n    tenant {\n      id\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nmutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n}": typeof types.CustomersDocument,
    "mutation SetProviderCredential($tenantId: ID!, $provider: Service!, $secret: String!) {\n  setProviderCredential(tenantId: $tenantId, provider: $provider, secret: $secret) {\n    provider\n    maskedKey\n    updatedAt\n  }\n}": typeof types.SetProviderCredentialDocument,
    "query TenantOptions {\n  tenants {\n    id\n    name\n  }\n}": typeof types.TenantOptionsDocument,
    "query ActiveAlerts {\n  alerts(status: ACTIVE) {\n    ...AlertFields\n  }\n}": typeof types.ActiveAlertsDocument,
    "query MonthlySummaries($period: String, $search: String) {\n  monthlySummaries(period: $period, search: $search) {\n    ...SummaryCard\n  }\n}\n\nfragment SummaryCard on MonthlySummary {\n  tenant {\n    id\n    name\n  }\n  period\n  periodStart\n  periodEnd\n  openaiInputTokens\n  openaiOutputTokens\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}": typeof types.MonthlySummariesDocument,
    "query Overview($period: String!, $previousPeriod: String!) {\n  current: overview(period: $period) {\n    ...OverviewTotals\n  }\n  previous: overview(period: $previousPeriod) {\n    ...OverviewTotals\n  }\n}\n\nfragment OverviewTotals on Overview {\n  period\n  customerCount\n  totalCostUsd\n  totalApiCalls\n  activeAlertCount\n}": typeof types.OverviewDocument,
    "query RecentActivity($filter: UsageLogFilter) {\n  usageLogs(filter: $filter, first: 50) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}": typeof types.RecentActivityDocument,
    "query ServiceBreakdown($period: String) {\n  serviceBreakdown(period: $period) {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  topTenants(period: $period, limit: 10) {\n    tenant {\n      id\n      name\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nquery UsageCharts($days: Int!, $tenantId: ID) {\n  byService: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: SERVICE}\n  ) {\n    ...SeriesFields\n  }\n  byModel: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: MODEL}\n  ) {\n    ...SeriesFields\n  }\n}\n\nfragment SeriesFields on UsageTimeSeries {\n  from\n  to\n  days\n  totalCostUsd\n  totalApiCalls\n  previousTotalCostUsd\n  previousTotalApiCalls\n  points {\n    date\n    key\n    costUsd\n    apiCalls\n    units\n  }\n}": typeof types.ServiceBreakdownDocument,
    "subscription UsageUpdated {\n  usageUpdated {\n    tenant {\n      id\n      name\n    }\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}": typeof types.UsageUpdatedDocument,
    "query Pricing($period: String) {\n  prices {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n  unpricedUsage(period: $period) {\n    period\n    apiCalls\n    models {\n      service\n      model\n      apiCalls\n    }\n  }\n}\n\nmutation AddPrice($input: AddPriceInput!) {\n  addPrice(input: $input) {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n}": typeof types.PricingDocument,
    "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}": typeof types.QuotaBarFragmentDoc,
    "query QuotaStandings {\n  quotaStandings {\n    tenant {\n      id\n      name\n    }\n    quota {\n      ...QuotaLimits\n    }\n    usages {\n      ...QuotaBar\n    }\n  }\n}\n\nfragment QuotaLimits on Quota {\n  openaiTokenLimit\n  elevenlabsCharacterLimit\n  smartfloMinuteLimit\n  monthlyCostLimitUsd\n  requestsPerMinuteLimit\n  alertAtPercentage\n  enforcement\n}\n\nmutation SetQuota($tenantId: ID!, $input: QuotaInput!) {\n  setQuota(tenantId: $tenantId, input: $input) {\n    tenant {\n      id\n    }\n    ...QuotaLimits\n  }\n}\n\nmutation RemoveQuota($tenantId: ID!) {\n  removeQuota(tenantId: $tenantId)\n}": typeof types.QuotaStandingsDocument,
    "fragment UsageLogRow on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  cachedInputTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  requestId\n  tenant {\n    id\n    name\n  }\n}": typeof types.UsageLogRowFragmentDoc,
    "query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n  usageLogs(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...UsageLogRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": typeof types.UsageLogsDocument,
};
const documents: Documents = {
    "mutation AcknowledgeAlert($id: ID!) {\n  acknowledgeAlert(id: $id) {\n    id\n    status\n    acknowledgedAt\n    acknowledgedBy\n  }\n}\n\nmutation ResolveAlert($id: ID!) {\n  resolveAlert(id: $id) {\n    id\n    status\n    resolvedAt\n    resolvedBy\n  }\n}": types.AcknowledgeAlertDocument,
    "fragment AlertFields on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  createdAt\n  acknowledgedAt\n  acknowledgedBy\n  resolvedAt\n  resolvedBy\n  tenant {\n    id\n    name\n  }\n}": types.AlertFieldsFragmentDoc,
    "subscription AlertRaised {\n  alertRaised {\n    ...AlertFields\n  }\n}": types.AlertRaisedDocument,
    "query Alerts($status: AlertStatus, $tenantId: ID) {\n  alerts(status: $status, tenantId: $tenantId) {\n    ...AlertFields\n  }\n}": types.AlertsDocument,
    "query AuditLog($tenantId: ID) {\n  auditLog(first: 100, tenantId: $tenantId) {\n    id\n    actorEmail\n    action\n    tenant {\n      id\n      name\n    }\n    targetId\n    changes\n    createdAt\n  }\n}": types.AuditLogDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    viewer {\n      id\n      email\n      role\n    }\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout\n}": types.LogoutDocument,
    "query Me {\n  me {\n    id\n    email\n    role\n  }\n}": types.MeDocument,
    "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyRow\n  }\n}\n\nfragment ApiKeyRow on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n    prefix\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyRow\n  }\n}": types.ApiKeysDocument,
    "query Customer($id: ID!) {\n  tenant(id: $id) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n    webhookUrl\n    providerCredentials {\n      provider\n      maskedKey\n      updatedAt\n    }\n  }\n}": types.CustomerDocument,
    "query CustomerOverview($tenantId: ID!, $logFilter: UsageLogFilter) {\n  usageDashboard(tenantId: $tenantId) {\n    period\n    totalCostUsd\n    previousPeriodTotalCostUsd\n    projectedMonthEndCostUsd\n    totalApiCalls\n    errorCalls\n    services {\n      service\n      units\n      costUsd\n      apiCalls\n      quota {\n        ...QuotaBar\n      }\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertFields\n    }\n  }\n  usageHistory(tenantId: $tenantId, months: 6) {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n    openaiTotalTokens\n    elevenlabsCharacters\n    smartfloMinutes\n  }\n  usageLogs(filter: $logFilter, first: 10) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}": types.CustomerOverviewDocument,
    "mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n  updateTenant(id: $id, input: $input) {\n    id\n    name\n    status\n    contactEmail\n    webhookUrl\n  }\n}\n\nmutation RotateWebhookSecret($tenantId: ID!) {\n  rotateWebhookSecret(tenantId: $tenantId) {\n    secret\n  }\n}": types.UpdateTenantDocument,
    "query CustomerUsers($tenantId: ID!) {\n  customerUsers(tenantId: $tenantId) {\n    id\n    email\n    role\n  }\n}\n\nmutation CreateCustomerUser($tenantId: ID!, $email: String!, $password: String!) {\n  createCustomerUser(tenantId: $tenantId, email: $email, password: $password) {\n    id\n    email\n    role\n  }\n}": types.CustomerUsersDocument,
    "query Customers($search: String, $period: String) {\n  tenants(search: $search) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n  monthlySummaries(period: $period) {\n    tenant {\n      id\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nmutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n}": types.CustomersDocument,
    "mutation SetProviderCredential($tenantId: ID!, $provider: Service!, $secret: String!) {\n  setProviderCredential(tenantId: $tenantId, provider: $provider, secret: $secret) {\n    provider\n    maskedKey\n    updatedAt\n  }\n}": types.SetProviderCredentialDocument,
    "query TenantOptions {\n  tenants {\n    id\n    name\n  }\n}": types.TenantOptionsDocument,
    "query ActiveAlerts {\n  alerts(status: ACTIVE) {\n    ...AlertFields\n  }\n}": types.ActiveAlertsDocument,
    "query MonthlySummaries($period: String, $search: String) {\n  monthlySummaries(period: $period, search: $search) {\n    ...SummaryCard\n  }\n}\n\nfragment SummaryCard on MonthlySummary {\n  tenant {\n    id\n    name\n  }\n  period\n  periodStart\n  periodEnd\n  openaiInputTokens\n  openaiOutputTokens\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}": types.MonthlySummariesDocument,
    "query Overview($period: String!, $previousPeriod: String!) {\n  current: overview(period: $period) {\n    ...OverviewTotals\n  }\n  previous: overview(period: $previousPeriod) {\n    ...OverviewTotals\n  }\n}\n\nfragment OverviewTotals on Overview {\n  period\n  customerCount\n  totalCostUsd\n  totalApiCalls\n  activeAlertCount\n}": types.OverviewDocument,
    "query RecentActivity($filter: UsageLogFilter) {\n  usageLogs(filter: $filter, first: 50) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}": types.RecentActivityDocument,
    "query ServiceBreakdown($period: String) {\n  serviceBreakdown(period: $period) {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  topTenants(period: $period, limit: 10) {\n    tenant {\n      id\n      name\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nquery UsageCharts($days: Int!, $tenantId: ID) {\n  byService: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: SERVICE}\n  ) {\n    ...SeriesFields\n  }\n  byModel: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: MODEL}\n  ) {\n    ...SeriesFields\n  }\n}\n\nfragment SeriesFields on UsageTimeSeries {\n  from\n  to\n  days\n  totalCostUsd\n  totalApiCalls\n  previousTotalCostUsd\n  previousTotalApiCalls\n  points {\n    date\n    key\n    costUsd\n    apiCalls\n    units\n  }\n}": types.ServiceBreakdownDocument,
    "subscription UsageUpdated {\n  usageUpdated {\n    tenant {\n      id\n      name\n    }\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}": types.UsageUpdatedDocument,
    "query Pricing($period: String) {\n  prices {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n  unpricedUsage(period: $period) {\n    period\n    apiCalls\n    models {\n      service\n      model\n      apiCalls\n    }\n  }\n}\n\nmutation AddPrice($input: AddPriceInput!) {\n  addPrice(input: $input) {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n}": types.PricingDocument,
    "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}": types.QuotaBarFragmentDoc,
    "query QuotaStandings {\n  quotaStandings {\n    tenant {\n      id\n      name\n    }\n    quota {\n      ...QuotaLimits\n    }\n    usages {\n      ...QuotaBar\n    }\n  }\n}\n\nfragment QuotaLimits on Quota {\n  openaiTokenLimit\n  elevenlabsCharacterLimit\n  smartfloMinuteLimit\n  monthlyCostLimitUsd\n  requestsPerMinuteLimit\n  alertAtPercentage\n  enforcement\n}\n\nmutation SetQuota($tenantId: ID!, $input: QuotaInput!) {\n  setQuota(tenantId: $tenantId, input: $input) {\n    tenant {\n      id\n    }\n    ...QuotaLimits\n  }\n}\n\nmutation RemoveQuota($tenantId: ID!) {\n  removeQuota(tenantId: $tenantId)\n}": types.QuotaStandingsDocument,
    "fragment UsageLogRow on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  cachedInputTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  requestId\n  tenant {\n    id\n    name\n  }\n}": types.UsageLogRowFragmentDoc,
    "query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n  usageLogs(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...UsageLogRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": types.UsageLogsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcknowledgeAlert($id: ID!) {\n  acknowledgeAlert(id: $id) {\n    id\n    status\n    acknowledgedAt\n    acknowledgedBy\n  }\n}\n\nmutation ResolveAlert($id: ID!) {\n  resolveAlert(id: $id) {\n    id\n    status\n    resolvedAt\n    resolvedBy\n  }\n}"): (typeof documents)["mutation AcknowledgeAlert($id: ID!) {\n  acknowledgeAlert(id: $id) {\n    id\n    status\n    acknowledgedAt\n    acknowledgedBy\n  }\n}\n\nmutation ResolveAlert($id: ID!) {\n  resolveAlert(id: $id) {\n    id\n    status\n    resolvedAt\n    resolvedBy\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AlertFields on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  createdAt\n  acknowledgedAt\n  acknowledgedBy\n  resolvedAt\n  resolvedBy\n  tenant {\n    id\n    name\n  }\n}"): (typeof documents)["fragment AlertFields on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  createdAt\n  acknowledgedAt\n  acknowledgedBy\n  resolvedAt\n  resolvedBy\n  tenant {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AlertRaised {\n  alertRaised {\n    ...AlertFields\n  }\n}"): (typeof documents)["subscription AlertRaised {\n  alertRaised {\n    ...AlertFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($status: AlertStatus, $tenantId: ID) {\n  alerts(status: $status, tenantId: $tenantId) {\n    ...AlertFields\n  }\n}"): (typeof documents)["query Alerts($status: AlertStatus, $tenantId: ID) {\n  alerts(status: $status, tenantId: $tenantId) {\n    ...AlertFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLog($tenantId: ID) {\n  auditLog(first: 100, tenantId: $tenantId) {\n    id\n    actorEmail\n    action\n    tenant {\n      id\n      name\n    }\n    targetId\n    changes\n    createdAt\n  }\n}"): (typeof documents)["query AuditLog($tenantId: ID) {\n  auditLog(first: 100, tenantId: $tenantId) {\n    id\n    actorEmail\n    action\n    tenant {\n      id\n      name\n    }\n    targetId\n    changes\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    viewer {\n      id\n      email\n      role\n    }\n  }\n}"): (typeof documents)["mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    viewer {\n      id\n      email\n      role\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout\n}"): (typeof documents)["mutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    email\n    role\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    email\n    role\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyRow\n  }\n}\n\nfragment ApiKeyRow on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n    prefix\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyRow\n  }\n}"): (typeof documents)["query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyRow\n  }\n}\n\nfragment ApiKeyRow on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n    prefix\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Customer($id: ID!) {\n  tenant(id: $id) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n    webhookUrl\n    providerCredentials {\n      provider\n      maskedKey\n      updatedAt\n    }\n  }\n}"): (typeof documents)["query Customer($id: ID!) {\n  tenant(id: $id) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n    webhookUrl\n    providerCredentials {\n      provider\n      maskedKey\n      updatedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerOverview($tenantId: ID!, $logFilter: UsageLogFilter) {\n  usageDashboard(tenantId: $tenantId) {\n    period\n    totalCostUsd\n    previousPeriodTotalCostUsd\n    projectedMonthEndCostUsd\n    totalApiCalls\n    errorCalls\n    services {\n      service\n      units\n      costUsd\n      apiCalls\n      quota {\n        ...QuotaBar\n      }\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertFields\n    }\n  }\n  usageHistory(tenantId: $tenantId, months: 6) {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n    openaiTotalTokens\n    elevenlabsCharacters\n    smartfloMinutes\n  }\n  usageLogs(filter: $logFilter, first: 10) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}"): (typeof documents)["query CustomerOverview($tenantId: ID!, $logFilter: UsageLogFilter) {\n  usageDashboard(tenantId: $tenantId) {\n    period\n    totalCostUsd\n    previousPeriodTotalCostUsd\n    projectedMonthEndCostUsd\n    totalApiCalls\n    errorCalls\n    services {\n      service\n      units\n      costUsd\n      apiCalls\n      quota {\n        ...QuotaBar\n      }\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertFields\n    }\n  }\n  usageHistory(tenantId: $tenantId, months: 6) {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n    openaiTotalTokens\n    elevenlabsCharacters\n    smartfloMinutes\n  }\n  usageLogs(filter: $logFilter, first: 10) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n  updateTenant(id: $id, input: $input) {\n    id\n    name\n    status\n    contactEmail\n    webhookUrl\n  }\n}\n\nmutation RotateWebhookSecret($tenantId: ID!) {\n  rotateWebhookSecret(tenantId: $tenantId) {\n    secret\n  }\n}"): (typeof documents)["mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n  updateTenant(id: $id, input: $input) {\n    id\n    name\n    status\n    contactEmail\n    webhookUrl\n  }\n}\n\nmutation RotateWebhookSecret($tenantId: ID!) {\n  rotateWebhookSecret(tenantId: $tenantId) {\n    secret\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerUsers($tenantId: ID!) {\n  customerUsers(tenantId: $tenantId) {\n    id\n    email\n    role\n  }\n}\n\nmutation CreateCustomerUser($tenantId: ID!, $email: String!, $password: String!) {\n  createCustomerUser(tenantId: $tenantId, email: $email, password: $password) {\n    id\n    email\n    role\n  }\n}"): (typeof documents)["query CustomerUsers($tenantId: ID!) {\n  customerUsers(tenantId: $tenantId) {\n    id\n    email\n    role\n  }\n}\n\nmutation CreateCustomerUser($tenantId: ID!, $email: String!, $password: String!) {\n  createCustomerUser(tenantId: $tenantId, email: $email, password: $password) {\n    id\n    email\n    role\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Customers($search: String, $period: String) {\n  tenants(search: $search) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n  monthlySummaries(period: $period) {\n    tenant {\n      id\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nmutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n}"): (typeof documents)["query Customers($search: String, $period: String) {\n  tenants(search: $search) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n  monthlySummaries(period: $period) {\n    tenant {\n      id\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nmutation CreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) {\n    id\n    name\n    status\n    createdAt\n    contactEmail\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetProviderCredential($tenantId: ID!, $provider: Service!, $secret: String!) {\n  setProviderCredential(tenantId: $tenantId, provider: $provider, secret: $secret) {\n    provider\n    maskedKey\n    updatedAt\n  }\n}"): (typeof documents)["mutation SetProviderCredential($tenantId: ID!, $provider: Service!, $secret: String!) {\n  setProviderCredential(tenantId: $tenantId, provider: $provider, secret: $secret) {\n    provider\n    maskedKey\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantOptions {\n  tenants {\n    id\n    name\n  }\n}"): (typeof documents)["query TenantOptions {\n  tenants {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActiveAlerts {\n  alerts(status: ACTIVE) {\n    ...AlertFields\n  }\n}"): (typeof documents)["query ActiveAlerts {\n  alerts(status: ACTIVE) {\n    ...AlertFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MonthlySummaries($period: String, $search: String) {\n  monthlySummaries(period: $period, search: $search) {\n    ...SummaryCard\n  }\n}\n\nfragment SummaryCard on MonthlySummary {\n  tenant {\n    id\n    name\n  }\n  period\n  periodStart\n  periodEnd\n  openaiInputTokens\n  openaiOutputTokens\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}"): (typeof documents)["query MonthlySummaries($period: String, $search: String) {\n  monthlySummaries(period: $period, search: $search) {\n    ...SummaryCard\n  }\n}\n\nfragment SummaryCard on MonthlySummary {\n  tenant {\n    id\n    name\n  }\n  period\n  periodStart\n  periodEnd\n  openaiInputTokens\n  openaiOutputTokens\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Overview($period: String!, $previousPeriod: String!) {\n  current: overview(period: $period) {\n    ...OverviewTotals\n  }\n  previous: overview(period: $previousPeriod) {\n    ...OverviewTotals\n  }\n}\n\nfragment OverviewTotals on Overview {\n  period\n  customerCount\n  totalCostUsd\n  totalApiCalls\n  activeAlertCount\n}"): (typeof documents)["query Overview($period: String!, $previousPeriod: String!) {\n  current: overview(period: $period) {\n    ...OverviewTotals\n  }\n  previous: overview(period: $previousPeriod) {\n    ...OverviewTotals\n  }\n}\n\nfragment OverviewTotals on Overview {\n  period\n  customerCount\n  totalCostUsd\n  totalApiCalls\n  activeAlertCount\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecentActivity($filter: UsageLogFilter) {\n  usageLogs(filter: $filter, first: 50) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}"): (typeof documents)["query RecentActivity($filter: UsageLogFilter) {\n  usageLogs(filter: $filter, first: 50) {\n    nodes {\n      ...UsageLogRow\n    }\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceBreakdown($period: String) {\n  serviceBreakdown(period: $period) {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  topTenants(period: $period, limit: 10) {\n    tenant {\n      id\n      name\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nquery UsageCharts($days: Int!, $tenantId: ID) {\n  byService: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: SERVICE}\n  ) {\n    ...SeriesFields\n  }\n  byModel: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: MODEL}\n  ) {\n    ...SeriesFields\n  }\n}\n\nfragment SeriesFields on UsageTimeSeries {\n  from\n  to\n  days\n  totalCostUsd\n  totalApiCalls\n  previousTotalCostUsd\n  previousTotalApiCalls\n  points {\n    date\n    key\n    costUsd\n    apiCalls\n    units\n  }\n}"): (typeof documents)["query ServiceBreakdown($period: String) {\n  serviceBreakdown(period: $period) {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  topTenants(period: $period, limit: 10) {\n    tenant {\n      id\n      name\n    }\n    totalCostUsd\n    totalApiCalls\n  }\n}\n\nquery UsageCharts($days: Int!, $tenantId: ID) {\n  byService: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: SERVICE}\n  ) {\n    ...SeriesFields\n  }\n  byModel: usageTimeSeries(\n    input: {days: $days, tenantId: $tenantId, groupBy: MODEL}\n  ) {\n    ...SeriesFields\n  }\n}\n\nfragment SeriesFields on UsageTimeSeries {\n  from\n  to\n  days\n  totalCostUsd\n  totalApiCalls\n  previousTotalCostUsd\n  previousTotalApiCalls\n  points {\n    date\n    key\n    costUsd\n    apiCalls\n    units\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription UsageUpdated {\n  usageUpdated {\n    tenant {\n      id\n      name\n    }\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}"): (typeof documents)["subscription UsageUpdated {\n  usageUpdated {\n    tenant {\n      id\n      name\n    }\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Pricing($period: String) {\n  prices {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n  unpricedUsage(period: $period) {\n    period\n    apiCalls\n    models {\n      service\n      model\n      apiCalls\n    }\n  }\n}\n\nmutation AddPrice($input: AddPriceInput!) {\n  addPrice(input: $input) {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n}"): (typeof documents)["query Pricing($period: String) {\n  prices {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n  unpricedUsage(period: $period) {\n    period\n    apiCalls\n    models {\n      service\n      model\n      apiCalls\n    }\n  }\n}\n\nmutation AddPrice($input: AddPriceInput!) {\n  addPrice(input: $input) {\n    id\n    service\n    model\n    inputPer1kTokens\n    cachedInputPer1kTokens\n    outputPer1kTokens\n    per1kCharacters\n    perMinute\n    effectiveFrom\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}"): (typeof documents)["fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotaStandings {\n  quotaStandings {\n    tenant {\n      id\n      name\n    }\n    quota {\n      ...QuotaLimits\n    }\n    usages {\n      ...QuotaBar\n    }\n  }\n}\n\nfragment QuotaLimits on Quota {\n  openaiTokenLimit\n  elevenlabsCharacterLimit\n  smartfloMinuteLimit\n  monthlyCostLimitUsd\n  requestsPerMinuteLimit\n  alertAtPercentage\n  enforcement\n}\n\nmutation SetQuota($tenantId: ID!, $input: QuotaInput!) {\n  setQuota(tenantId: $tenantId, input: $input) {\n    tenant {\n      id\n    }\n    ...QuotaLimits\n  }\n}\n\nmutation RemoveQuota($tenantId: ID!) {\n  removeQuota(tenantId: $tenantId)\n}"): (typeof documents)["query QuotaStandings {\n  quotaStandings {\n    tenant {\n      id\n      name\n    }\n    quota {\n      ...QuotaLimits\n    }\n    usages {\n      ...QuotaBar\n    }\n  }\n}\n\nfragment QuotaLimits on Quota {\n  openaiTokenLimit\n  elevenlabsCharacterLimit\n  smartfloMinuteLimit\n  monthlyCostLimitUsd\n  requestsPerMinuteLimit\n  alertAtPercentage\n  enforcement\n}\n\nmutation SetQuota($tenantId: ID!, $input: QuotaInput!) {\n  setQuota(tenantId: $tenantId, input: $input) {\n    tenant {\n      id\n    }\n    ...QuotaLimits\n  }\n}\n\nmutation RemoveQuota($tenantId: ID!) {\n  removeQuota(tenantId: $tenantId)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UsageLogRow on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  cachedInputTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  requestId\n  tenant {\n    id\n    name\n  }\n}"): (typeof documents)["fragment UsageLogRow on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  cachedInputTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  requestId\n  tenant {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n  usageLogs(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...UsageLogRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"): (typeof documents)["query UsageLogs($filter: UsageLogFilter, $first: Int, $after: String) {\n  usageLogs(filter: $filter, first: $first, after: $after) {\n    nodes {\n      ...UsageLogRow\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;