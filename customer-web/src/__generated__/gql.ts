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
    "fragment AlertItem on Alert {\n  ...AlertCore\n}\n\nsubscription AlertRaised {\n  alertRaised {\n    ...AlertItem\n  }\n}": typeof types.AlertItemFragmentDoc,
    "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}": typeof types.ApiKeysDocument,
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}": typeof types.ChangePasswordDocument,
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": typeof types.RequestPasswordResetDocument,
    "mutation ResetPassword($token: String!, $newPassword: String!) {\n  resetPassword(token: $token, newPassword: $newPassword) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}": typeof types.ResetPasswordDocument,
    "fragment SessionViewer on Viewer {\n  id\n  email\n  role\n  customerRole\n  tenant {\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionViewer\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}\n\nmutation SignOut {\n  logout\n}": typeof types.SessionViewerFragmentDoc,
    "query RecentCalls($service: Service, $source: UsageSource, $endUser: String) {\n  usageLogs(\n    filter: {service: $service, source: $source, endUser: $endUser}\n    first: 50\n  ) {\n    totalCount\n    nodes {\n      id\n      occurredAt\n      service\n      model\n      inputTokens\n      outputTokens\n      totalTokens\n      characters\n      durationSeconds\n      costUsd\n      pricingStatus\n      status\n      source\n      voidedAt\n      voidReason\n    }\n  }\n}": typeof types.RecentCallsDocument,
    "query PortalEndUsers($days: Int!, $search: String, $orderBy: EndUserOrder!, $first: Int!, $after: String) {\n  endUsers(\n    input: {days: $days, search: $search, orderBy: $orderBy, first: $first, after: $after}\n  ) {\n    ...EndUserPage\n  }\n}\n\nquery PortalEndUserCalls($endUser: String!) {\n  usageLogs(filter: {endUser: $endUser}, first: 10) {\n    totalCount\n    nodes {\n      ...EndUserCall\n    }\n  }\n}\n\nquery PortalEndUserSuggestions($search: String) {\n  endUsers(input: {search: $search, days: 365, first: 10}) {\n    nodes {\n      endUser\n    }\n  }\n}": typeof types.PortalEndUsersDocument,
    "query Sessions {\n  sessions {\n    ...SessionFields\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation SignOutEverywhere {\n  signOutEverywhere\n}": typeof types.SessionsDocument,
    "query MyStatements {\n  statements(first: 36) {\n    ...StatementRow\n  }\n}": typeof types.MyStatementsDocument,
    "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}": typeof types.AcceptInvitationDocument,
    "query TeamMembers {\n  users {\n    ...TeamMemberFields\n  }\n}\n\nquery TeamInvitations {\n  invitations {\n    ...InvitationFields\n  }\n}\n\nmutation InviteTeamMember($email: String!, $customerRole: CustomerRole!) {\n  inviteUser(input: {email: $email, customerRole: $customerRole}) {\n    ...InvitationFields\n  }\n}\n\nmutation RevokeTeamInvitation($id: ID!) {\n  revokeInvitation(id: $id)\n}\n\nmutation SetTeamMemberRole($id: ID!, $customerRole: CustomerRole!) {\n  setUserRole(id: $id, customerRole: $customerRole) {\n    ...TeamMemberFields\n  }\n}\n\nmutation RemoveTeamMember($id: ID!) {\n  removeUser(id: $id)\n}": typeof types.TeamMembersDocument,
    "query UsageByModel($period: String) {\n  usageByModel(period: $period) {\n    service\n    model\n    apiCalls\n    errorCalls\n    units\n    costUsd\n  }\n}\n\nquery DailyCost($endUser: String) {\n  usageTimeSeries(input: {days: 30, groupBy: SERVICE, endUser: $endUser}) {\n    from\n    to\n    days\n    totalCostUsd\n    totalApiCalls\n    points {\n      date\n      key\n      costUsd\n      apiCalls\n    }\n  }\n}": typeof types.UsageByModelDocument,
    "query UsageHistory {\n  usageHistory(months: 6) {\n    ...MonthTotals\n  }\n}": typeof types.UsageHistoryDocument,
    "fragment ServiceCard on ServiceUsage {\n  ...ServiceUsageCard\n}": typeof types.ServiceCardFragmentDoc,
    "fragment TotalCostCard on UsageDashboard {\n  ...DashboardTotals\n}": typeof types.TotalCostCardFragmentDoc,
    "query UsageDashboard {\n  usageDashboard {\n    tenant {\n      id\n      name\n    }\n    period\n    ...TotalCostCard\n    services {\n      ...ServiceCard\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertItem\n    }\n  }\n}\n\nsubscription UsageUpdated {\n  usageUpdated {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}": typeof types.UsageDashboardDocument,
    "fragment SessionFields on Session {\n  id\n  createdAt\n  lastSeenAt\n  expiresAt\n  ip\n  userAgent\n  current\n}": typeof types.SessionFieldsFragmentDoc,
    "fragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}": typeof types.ApiKeyFieldsFragmentDoc,
    "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}\n\nfragment AlertCore on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  endUser\n  createdAt\n}\n\nfragment MonthTotals on MonthlySummary {\n  period\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}\n\nfragment DashboardTotals on UsageDashboard {\n  period\n  totalCostUsd\n  previousPeriodTotalCostUsd\n  projectedMonthEndCostUsd\n  totalApiCalls\n  errorCalls\n  activeEndUsers\n}\n\nfragment ServiceUsageCard on ServiceUsage {\n  service\n  units\n  costUsd\n  apiCalls\n  quota {\n    ...QuotaBar\n  }\n}\n\nfragment EndUserPage on EndUserConnection {\n  nodes {\n    ...EndUserRow\n  }\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  totalCount\n}\n\nfragment EndUserRow on EndUserUsage {\n  tenant {\n    id\n    name\n  }\n  endUser\n  totalCostUsd\n  apiCalls\n  errorCalls\n  costPerCallUsd\n  dailyAverageCostUsd\n  services {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  firstSeenAt\n  lastSeenAt\n}\n\nfragment EndUserCall on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  totalTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  source\n}\n\nfragment StatementRow on Statement {\n  id\n  number\n  period\n  status\n  totalUsd\n  finalizedAt\n  pdfUrl\n  csvUrl\n  tenant {\n    id\n    name\n  }\n}": typeof types.QuotaBarFragmentDoc,
    "fragment TeamMemberFields on Viewer {\n  id\n  email\n  adminRole\n  customerRole\n  lastLoginAt\n}\n\nfragment InvitationFields on Invitation {\n  id\n  email\n  adminRole\n  customerRole\n  expiresAt\n}": typeof types.TeamMemberFieldsFragmentDoc,
};
const documents: Documents = {
    "fragment AlertItem on Alert {\n  ...AlertCore\n}\n\nsubscription AlertRaised {\n  alertRaised {\n    ...AlertItem\n  }\n}": types.AlertItemFragmentDoc,
    "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}": types.ApiKeysDocument,
    "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}": types.ChangePasswordDocument,
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": types.RequestPasswordResetDocument,
    "mutation ResetPassword($token: String!, $newPassword: String!) {\n  resetPassword(token: $token, newPassword: $newPassword) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}": types.ResetPasswordDocument,
    "fragment SessionViewer on Viewer {\n  id\n  email\n  role\n  customerRole\n  tenant {\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionViewer\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}\n\nmutation SignOut {\n  logout\n}": types.SessionViewerFragmentDoc,
    "query RecentCalls($service: Service, $source: UsageSource, $endUser: String) {\n  usageLogs(\n    filter: {service: $service, source: $source, endUser: $endUser}\n    first: 50\n  ) {\n    totalCount\n    nodes {\n      id\n      occurredAt\n      service\n      model\n      inputTokens\n      outputTokens\n      totalTokens\n      characters\n      durationSeconds\n      costUsd\n      pricingStatus\n      status\n      source\n      voidedAt\n      voidReason\n    }\n  }\n}": types.RecentCallsDocument,
    "query PortalEndUsers($days: Int!, $search: String, $orderBy: EndUserOrder!, $first: Int!, $after: String) {\n  endUsers(\n    input: {days: $days, search: $search, orderBy: $orderBy, first: $first, after: $after}\n  ) {\n    ...EndUserPage\n  }\n}\n\nquery PortalEndUserCalls($endUser: String!) {\n  usageLogs(filter: {endUser: $endUser}, first: 10) {\n    totalCount\n    nodes {\n      ...EndUserCall\n    }\n  }\n}\n\nquery PortalEndUserSuggestions($search: String) {\n  endUsers(input: {search: $search, days: 365, first: 10}) {\n    nodes {\n      endUser\n    }\n  }\n}": types.PortalEndUsersDocument,
    "query Sessions {\n  sessions {\n    ...SessionFields\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation SignOutEverywhere {\n  signOutEverywhere\n}": types.SessionsDocument,
    "query MyStatements {\n  statements(first: 36) {\n    ...StatementRow\n  }\n}": types.MyStatementsDocument,
    "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}": types.AcceptInvitationDocument,
    "query TeamMembers {\n  users {\n    ...TeamMemberFields\n  }\n}\n\nquery TeamInvitations {\n  invitations {\n    ...InvitationFields\n  }\n}\n\nmutation InviteTeamMember($email: String!, $customerRole: CustomerRole!) {\n  inviteUser(input: {email: $email, customerRole: $customerRole}) {\n    ...InvitationFields\n  }\n}\n\nmutation RevokeTeamInvitation($id: ID!) {\n  revokeInvitation(id: $id)\n}\n\nmutation SetTeamMemberRole($id: ID!, $customerRole: CustomerRole!) {\n  setUserRole(id: $id, customerRole: $customerRole) {\n    ...TeamMemberFields\n  }\n}\n\nmutation RemoveTeamMember($id: ID!) {\n  removeUser(id: $id)\n}": types.TeamMembersDocument,
    "query UsageByModel($period: String) {\n  usageByModel(period: $period) {\n    service\n    model\n    apiCalls\n    errorCalls\n    units\n    costUsd\n  }\n}\n\nquery DailyCost($endUser: String) {\n  usageTimeSeries(input: {days: 30, groupBy: SERVICE, endUser: $endUser}) {\n    from\n    to\n    days\n    totalCostUsd\n    totalApiCalls\n    points {\n      date\n      key\n      costUsd\n      apiCalls\n    }\n  }\n}": types.UsageByModelDocument,
    "query UsageHistory {\n  usageHistory(months: 6) {\n    ...MonthTotals\n  }\n}": types.UsageHistoryDocument,
    "fragment ServiceCard on ServiceUsage {\n  ...ServiceUsageCard\n}": types.ServiceCardFragmentDoc,
    "fragment TotalCostCard on UsageDashboard {\n  ...DashboardTotals\n}": types.TotalCostCardFragmentDoc,
    "query UsageDashboard {\n  usageDashboard {\n    tenant {\n      id\n      name\n    }\n    period\n    ...TotalCostCard\n    services {\n      ...ServiceCard\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertItem\n    }\n  }\n}\n\nsubscription UsageUpdated {\n  usageUpdated {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}": types.UsageDashboardDocument,
    "fragment SessionFields on Session {\n  id\n  createdAt\n  lastSeenAt\n  expiresAt\n  ip\n  userAgent\n  current\n}": types.SessionFieldsFragmentDoc,
    "fragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}": types.ApiKeyFieldsFragmentDoc,
    "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}\n\nfragment AlertCore on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  endUser\n  createdAt\n}\n\nfragment MonthTotals on MonthlySummary {\n  period\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}\n\nfragment DashboardTotals on UsageDashboard {\n  period\n  totalCostUsd\n  previousPeriodTotalCostUsd\n  projectedMonthEndCostUsd\n  totalApiCalls\n  errorCalls\n  activeEndUsers\n}\n\nfragment ServiceUsageCard on ServiceUsage {\n  service\n  units\n  costUsd\n  apiCalls\n  quota {\n    ...QuotaBar\n  }\n}\n\nfragment EndUserPage on EndUserConnection {\n  nodes {\n    ...EndUserRow\n  }\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  totalCount\n}\n\nfragment EndUserRow on EndUserUsage {\n  tenant {\n    id\n    name\n  }\n  endUser\n  totalCostUsd\n  apiCalls\n  errorCalls\n  costPerCallUsd\n  dailyAverageCostUsd\n  services {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  firstSeenAt\n  lastSeenAt\n}\n\nfragment EndUserCall on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  totalTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  source\n}\n\nfragment StatementRow on Statement {\n  id\n  number\n  period\n  status\n  totalUsd\n  finalizedAt\n  pdfUrl\n  csvUrl\n  tenant {\n    id\n    name\n  }\n}": types.QuotaBarFragmentDoc,
    "fragment TeamMemberFields on Viewer {\n  id\n  email\n  adminRole\n  customerRole\n  lastLoginAt\n}\n\nfragment InvitationFields on Invitation {\n  id\n  email\n  adminRole\n  customerRole\n  expiresAt\n}": types.TeamMemberFieldsFragmentDoc,
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
export function graphql(source: "fragment AlertItem on Alert {\n  ...AlertCore\n}\n\nsubscription AlertRaised {\n  alertRaised {\n    ...AlertItem\n  }\n}"): (typeof documents)["fragment AlertItem on Alert {\n  ...AlertCore\n}\n\nsubscription AlertRaised {\n  alertRaised {\n    ...AlertItem\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}"): (typeof documents)["query ApiKeys($tenantId: ID!) {\n  apiKeys(tenantId: $tenantId) {\n    ...ApiKeyFields\n  }\n}\n\nmutation CreateApiKey($tenantId: ID!, $name: String!) {\n  createApiKey(tenantId: $tenantId, name: $name) {\n    id\n    key\n  }\n}\n\nmutation RevokeApiKey($id: ID!) {\n  revokeApiKey(id: $id) {\n    ...ApiKeyFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}"): (typeof documents)["mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}"): (typeof documents)["mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($token: String!, $newPassword: String!) {\n  resetPassword(token: $token, newPassword: $newPassword) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}"): (typeof documents)["mutation ResetPassword($token: String!, $newPassword: String!) {\n  resetPassword(token: $token, newPassword: $newPassword) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionViewer on Viewer {\n  id\n  email\n  role\n  customerRole\n  tenant {\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionViewer\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}\n\nmutation SignOut {\n  logout\n}"): (typeof documents)["fragment SessionViewer on Viewer {\n  id\n  email\n  role\n  customerRole\n  tenant {\n    id\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionViewer\n  }\n}\n\nmutation SignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}\n\nmutation SignOut {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecentCalls($service: Service, $source: UsageSource, $endUser: String) {\n  usageLogs(\n    filter: {service: $service, source: $source, endUser: $endUser}\n    first: 50\n  ) {\n    totalCount\n    nodes {\n      id\n      occurredAt\n      service\n      model\n      inputTokens\n      outputTokens\n      totalTokens\n      characters\n      durationSeconds\n      costUsd\n      pricingStatus\n      status\n      source\n      voidedAt\n      voidReason\n    }\n  }\n}"): (typeof documents)["query RecentCalls($service: Service, $source: UsageSource, $endUser: String) {\n  usageLogs(\n    filter: {service: $service, source: $source, endUser: $endUser}\n    first: 50\n  ) {\n    totalCount\n    nodes {\n      id\n      occurredAt\n      service\n      model\n      inputTokens\n      outputTokens\n      totalTokens\n      characters\n      durationSeconds\n      costUsd\n      pricingStatus\n      status\n      source\n      voidedAt\n      voidReason\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PortalEndUsers($days: Int!, $search: String, $orderBy: EndUserOrder!, $first: Int!, $after: String) {\n  endUsers(\n    input: {days: $days, search: $search, orderBy: $orderBy, first: $first, after: $after}\n  ) {\n    ...EndUserPage\n  }\n}\n\nquery PortalEndUserCalls($endUser: String!) {\n  usageLogs(filter: {endUser: $endUser}, first: 10) {\n    totalCount\n    nodes {\n      ...EndUserCall\n    }\n  }\n}\n\nquery PortalEndUserSuggestions($search: String) {\n  endUsers(input: {search: $search, days: 365, first: 10}) {\n    nodes {\n      endUser\n    }\n  }\n}"): (typeof documents)["query PortalEndUsers($days: Int!, $search: String, $orderBy: EndUserOrder!, $first: Int!, $after: String) {\n  endUsers(\n    input: {days: $days, search: $search, orderBy: $orderBy, first: $first, after: $after}\n  ) {\n    ...EndUserPage\n  }\n}\n\nquery PortalEndUserCalls($endUser: String!) {\n  usageLogs(filter: {endUser: $endUser}, first: 10) {\n    totalCount\n    nodes {\n      ...EndUserCall\n    }\n  }\n}\n\nquery PortalEndUserSuggestions($search: String) {\n  endUsers(input: {search: $search, days: 365, first: 10}) {\n    nodes {\n      endUser\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sessions {\n  sessions {\n    ...SessionFields\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation SignOutEverywhere {\n  signOutEverywhere\n}"): (typeof documents)["query Sessions {\n  sessions {\n    ...SessionFields\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation SignOutEverywhere {\n  signOutEverywhere\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyStatements {\n  statements(first: 36) {\n    ...StatementRow\n  }\n}"): (typeof documents)["query MyStatements {\n  statements(first: 36) {\n    ...StatementRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}"): (typeof documents)["mutation AcceptInvitation($token: String!, $password: String!) {\n  acceptInvitation(token: $token, password: $password) {\n    viewer {\n      ...SessionViewer\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamMembers {\n  users {\n    ...TeamMemberFields\n  }\n}\n\nquery TeamInvitations {\n  invitations {\n    ...InvitationFields\n  }\n}\n\nmutation InviteTeamMember($email: String!, $customerRole: CustomerRole!) {\n  inviteUser(input: {email: $email, customerRole: $customerRole}) {\n    ...InvitationFields\n  }\n}\n\nmutation RevokeTeamInvitation($id: ID!) {\n  revokeInvitation(id: $id)\n}\n\nmutation SetTeamMemberRole($id: ID!, $customerRole: CustomerRole!) {\n  setUserRole(id: $id, customerRole: $customerRole) {\n    ...TeamMemberFields\n  }\n}\n\nmutation RemoveTeamMember($id: ID!) {\n  removeUser(id: $id)\n}"): (typeof documents)["query TeamMembers {\n  users {\n    ...TeamMemberFields\n  }\n}\n\nquery TeamInvitations {\n  invitations {\n    ...InvitationFields\n  }\n}\n\nmutation InviteTeamMember($email: String!, $customerRole: CustomerRole!) {\n  inviteUser(input: {email: $email, customerRole: $customerRole}) {\n    ...InvitationFields\n  }\n}\n\nmutation RevokeTeamInvitation($id: ID!) {\n  revokeInvitation(id: $id)\n}\n\nmutation SetTeamMemberRole($id: ID!, $customerRole: CustomerRole!) {\n  setUserRole(id: $id, customerRole: $customerRole) {\n    ...TeamMemberFields\n  }\n}\n\nmutation RemoveTeamMember($id: ID!) {\n  removeUser(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageByModel($period: String) {\n  usageByModel(period: $period) {\n    service\n    model\n    apiCalls\n    errorCalls\n    units\n    costUsd\n  }\n}\n\nquery DailyCost($endUser: String) {\n  usageTimeSeries(input: {days: 30, groupBy: SERVICE, endUser: $endUser}) {\n    from\n    to\n    days\n    totalCostUsd\n    totalApiCalls\n    points {\n      date\n      key\n      costUsd\n      apiCalls\n    }\n  }\n}"): (typeof documents)["query UsageByModel($period: String) {\n  usageByModel(period: $period) {\n    service\n    model\n    apiCalls\n    errorCalls\n    units\n    costUsd\n  }\n}\n\nquery DailyCost($endUser: String) {\n  usageTimeSeries(input: {days: 30, groupBy: SERVICE, endUser: $endUser}) {\n    from\n    to\n    days\n    totalCostUsd\n    totalApiCalls\n    points {\n      date\n      key\n      costUsd\n      apiCalls\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageHistory {\n  usageHistory(months: 6) {\n    ...MonthTotals\n  }\n}"): (typeof documents)["query UsageHistory {\n  usageHistory(months: 6) {\n    ...MonthTotals\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ServiceCard on ServiceUsage {\n  ...ServiceUsageCard\n}"): (typeof documents)["fragment ServiceCard on ServiceUsage {\n  ...ServiceUsageCard\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TotalCostCard on UsageDashboard {\n  ...DashboardTotals\n}"): (typeof documents)["fragment TotalCostCard on UsageDashboard {\n  ...DashboardTotals\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageDashboard {\n  usageDashboard {\n    tenant {\n      id\n      name\n    }\n    period\n    ...TotalCostCard\n    services {\n      ...ServiceCard\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertItem\n    }\n  }\n}\n\nsubscription UsageUpdated {\n  usageUpdated {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}"): (typeof documents)["query UsageDashboard {\n  usageDashboard {\n    tenant {\n      id\n      name\n    }\n    period\n    ...TotalCostCard\n    services {\n      ...ServiceCard\n    }\n    costQuota {\n      ...QuotaBar\n    }\n    alerts {\n      ...AlertItem\n    }\n  }\n}\n\nsubscription UsageUpdated {\n  usageUpdated {\n    period\n    totalCostUsd\n    totalApiCalls\n    errorCalls\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionFields on Session {\n  id\n  createdAt\n  lastSeenAt\n  expiresAt\n  ip\n  userAgent\n  current\n}"): (typeof documents)["fragment SessionFields on Session {\n  id\n  createdAt\n  lastSeenAt\n  expiresAt\n  ip\n  userAgent\n  current\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}"): (typeof documents)["fragment ApiKeyFields on ApiKey {\n  id\n  name\n  prefix\n  lastFour\n  createdAt\n  lastUsedAt\n  revokedAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}\n\nfragment AlertCore on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  endUser\n  createdAt\n}\n\nfragment MonthTotals on MonthlySummary {\n  period\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}\n\nfragment DashboardTotals on UsageDashboard {\n  period\n  totalCostUsd\n  previousPeriodTotalCostUsd\n  projectedMonthEndCostUsd\n  totalApiCalls\n  errorCalls\n  activeEndUsers\n}\n\nfragment ServiceUsageCard on ServiceUsage {\n  service\n  units\n  costUsd\n  apiCalls\n  quota {\n    ...QuotaBar\n  }\n}\n\nfragment EndUserPage on EndUserConnection {\n  nodes {\n    ...EndUserRow\n  }\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  totalCount\n}\n\nfragment EndUserRow on EndUserUsage {\n  tenant {\n    id\n    name\n  }\n  endUser\n  totalCostUsd\n  apiCalls\n  errorCalls\n  costPerCallUsd\n  dailyAverageCostUsd\n  services {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  firstSeenAt\n  lastSeenAt\n}\n\nfragment EndUserCall on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  totalTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  source\n}\n\nfragment StatementRow on Statement {\n  id\n  number\n  period\n  status\n  totalUsd\n  finalizedAt\n  pdfUrl\n  csvUrl\n  tenant {\n    id\n    name\n  }\n}"): (typeof documents)["fragment QuotaBar on QuotaUsage {\n  metric\n  used\n  limit\n  percentUsed\n  level\n  projectedLimitAt\n}\n\nfragment AlertCore on Alert {\n  id\n  type\n  metric\n  status\n  message\n  thresholdPercent\n  currentValue\n  limitValue\n  period\n  endUser\n  createdAt\n}\n\nfragment MonthTotals on MonthlySummary {\n  period\n  openaiTotalTokens\n  openaiCostUsd\n  elevenlabsCharacters\n  elevenlabsCostUsd\n  smartfloMinutes\n  smartfloCostUsd\n  totalCostUsd\n  totalApiCalls\n  errorCalls\n}\n\nfragment DashboardTotals on UsageDashboard {\n  period\n  totalCostUsd\n  previousPeriodTotalCostUsd\n  projectedMonthEndCostUsd\n  totalApiCalls\n  errorCalls\n  activeEndUsers\n}\n\nfragment ServiceUsageCard on ServiceUsage {\n  service\n  units\n  costUsd\n  apiCalls\n  quota {\n    ...QuotaBar\n  }\n}\n\nfragment EndUserPage on EndUserConnection {\n  nodes {\n    ...EndUserRow\n  }\n  pageInfo {\n    hasNextPage\n    endCursor\n  }\n  totalCount\n}\n\nfragment EndUserRow on EndUserUsage {\n  tenant {\n    id\n    name\n  }\n  endUser\n  totalCostUsd\n  apiCalls\n  errorCalls\n  costPerCallUsd\n  dailyAverageCostUsd\n  services {\n    service\n    units\n    costUsd\n    apiCalls\n  }\n  firstSeenAt\n  lastSeenAt\n}\n\nfragment EndUserCall on UsageLog {\n  id\n  occurredAt\n  service\n  model\n  inputTokens\n  outputTokens\n  totalTokens\n  characters\n  durationSeconds\n  costUsd\n  pricingStatus\n  status\n  source\n}\n\nfragment StatementRow on Statement {\n  id\n  number\n  period\n  status\n  totalUsd\n  finalizedAt\n  pdfUrl\n  csvUrl\n  tenant {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TeamMemberFields on Viewer {\n  id\n  email\n  adminRole\n  customerRole\n  lastLoginAt\n}\n\nfragment InvitationFields on Invitation {\n  id\n  email\n  adminRole\n  customerRole\n  expiresAt\n}"): (typeof documents)["fragment TeamMemberFields on Viewer {\n  id\n  email\n  adminRole\n  customerRole\n  lastLoginAt\n}\n\nfragment InvitationFields on Invitation {\n  id\n  email\n  adminRole\n  customerRole\n  expiresAt\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;