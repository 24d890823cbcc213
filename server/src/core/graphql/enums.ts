import { registerEnumType } from 'type-graphql';

// The contract's enums, registered once; domain modules use the string unions they describe.
export enum Service { OPENAI = 'OPENAI', ELEVENLABS = 'ELEVENLABS', SMARTFLO = 'SMARTFLO' }
export enum CallStatus { SUCCESS = 'SUCCESS', ERROR = 'ERROR' }
export enum Role { ADMIN = 'ADMIN', CUSTOMER = 'CUSTOMER' }
export enum QuotaMetric {
  OPENAI_TOKENS = 'OPENAI_TOKENS',
  ELEVENLABS_CHARACTERS = 'ELEVENLABS_CHARACTERS',
  SMARTFLO_MINUTES = 'SMARTFLO_MINUTES',
  MONTHLY_COST = 'MONTHLY_COST',
  REQUESTS_PER_MINUTE = 'REQUESTS_PER_MINUTE',
}
export enum AlertType {
  QUOTA_APPROACHING = 'QUOTA_APPROACHING',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  RATE_LIMIT_EXCEEDED = 'RATE_LIMIT_EXCEEDED',
  COST_SPIKE = 'COST_SPIKE',
  END_USER_LIMIT_EXCEEDED = 'END_USER_LIMIT_EXCEEDED',
}
export enum AlertStatus { ACTIVE = 'ACTIVE', ACKNOWLEDGED = 'ACKNOWLEDGED', RESOLVED = 'RESOLVED' }
export enum UsageLevel { OK = 'OK', NOTICE = 'NOTICE', WARNING = 'WARNING', CRITICAL = 'CRITICAL' }
export enum UsageSource { API = 'API', GATEWAY = 'GATEWAY', GATEWAY_ESTIMATED = 'GATEWAY_ESTIMATED', WEBHOOK = 'WEBHOOK' }
export enum PricingStatus { PRICED = 'PRICED', UNPRICED = 'UNPRICED' }
export enum TenantStatus { ACTIVE = 'ACTIVE', SUSPENDED = 'SUSPENDED' }
export enum QuotaEnforcement { SOFT = 'SOFT', HARD = 'HARD' }
export enum TimeSeriesGrouping { SERVICE = 'SERVICE', MODEL = 'MODEL' }
export enum DeliveryChannel { EMAIL = 'EMAIL', WEBHOOK = 'WEBHOOK' }
export enum DeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED' }
export enum AuditAction {
  TENANT_CREATED = 'TENANT_CREATED',
  TENANT_UPDATED = 'TENANT_UPDATED',
  USER_CREATED = 'USER_CREATED',
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  CREDENTIAL_SET = 'CREDENTIAL_SET',
  QUOTA_SET = 'QUOTA_SET',
  QUOTA_REMOVED = 'QUOTA_REMOVED',
  PRICE_ADDED = 'PRICE_ADDED',
  ALERT_ACKNOWLEDGED = 'ALERT_ACKNOWLEDGED',
  ALERT_RESOLVED = 'ALERT_RESOLVED',
  WEBHOOK_SECRET_ROTATED = 'WEBHOOK_SECRET_ROTATED',
  USAGE_VOIDED = 'USAGE_VOIDED',
  USER_INVITED = 'USER_INVITED',
  INVITATION_REVOKED = 'INVITATION_REVOKED',
  USER_ROLE_CHANGED = 'USER_ROLE_CHANGED',
  USER_REMOVED = 'USER_REMOVED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  SESSIONS_REVOKED = 'SESSIONS_REVOKED',
  GATEWAY_WEBHOOK_TOKEN_ROTATED = 'GATEWAY_WEBHOOK_TOKEN_ROTATED',
  GATEWAY_WEBHOOK_TOKEN_REVOKED = 'GATEWAY_WEBHOOK_TOKEN_REVOKED',
  STATEMENT_FINALIZED = 'STATEMENT_FINALIZED',
  TENANT_PRICING_SET = 'TENANT_PRICING_SET',
}

export enum AdminRole {
  OWNER = 'OWNER',
  MANAGER = 'MANAGER',
  VIEWER = 'VIEWER',
}

export enum CustomerRole {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}

registerEnumType(Service, { name: 'Service' });
registerEnumType(CallStatus, { name: 'CallStatus' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(QuotaMetric, { name: 'QuotaMetric' });
registerEnumType(AlertType, { name: 'AlertType' });
registerEnumType(AlertStatus, { name: 'AlertStatus' });
registerEnumType(UsageLevel, {
  name: 'UsageLevel',
  description: 'Colour band of a quota bar: OK < 60 % (green), NOTICE 60-80 % (yellow), WARNING 80-90 % (orange), CRITICAL >= 90 % (red).',
});
registerEnumType(PricingStatus, { name: 'PricingStatus' });
registerEnumType(UsageSource, {
  name: 'UsageSource',
  description: 'Where a log came from.',
  valuesConfig: {
    API: { description: 'recordUsage / recordUsages' },
    GATEWAY: { description: 'the metering gateway, with units the provider reported' },
    GATEWAY_ESTIMATED: { description: 'the metering gateway, with units it counted itself because the provider reported none (e.g. a stream cut off)' },
    WEBHOOK: { description: "a provider's webhook (Smartflo call records)" },
  },
});
registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(QuotaEnforcement, { name: 'QuotaEnforcement' });
registerEnumType(TimeSeriesGrouping, { name: 'TimeSeriesGrouping' });
registerEnumType(DeliveryChannel, { name: 'DeliveryChannel' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
registerEnumType(AuditAction, { name: 'AuditAction' });
registerEnumType(AdminRole, {
  name: 'AdminRole',
  valuesConfig: {
    OWNER: { description: 'everything, including other admins' },
    MANAGER: { description: 'everything except managing admins' },
    VIEWER: { description: 'read-only, every tenant' },
  },
});
registerEnumType(CustomerRole, {
  name: 'CustomerRole',
  valuesConfig: {
    OWNER: { description: "manages its own tenant's users and API keys" },
    MEMBER: { description: "reads its own tenant's usage" },
  },
});
