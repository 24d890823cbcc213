import { join } from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config.js';
import type { Database } from './core/db/database.js';
import type { GraphQLContext } from './core/graphql/context.js';
import type { Clock } from './core/lib/clock.js';
import { AlertRaiser } from './modules/alerts/alert-raiser.js';
import type { AlertRecord } from './modules/alerts/alert.record.js';
import { AlertsService } from './modules/alerts/alerts.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { ApiKeysService } from './modules/auth/api-keys.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PriceBook } from './modules/pricing/price-book.js';
import { PricingService } from './modules/pricing/pricing.service.js';
import { TenantPricingService } from './modules/pricing/tenant-pricing.service.js';
import { QuotasService } from './modules/quotas/quotas.service.js';
import { TenantDirectory } from './modules/tenants/tenant-directory.js';
import { TENANT_LIMITS_CHANGED_CHANNEL, TenantLimitsChanges } from './modules/tenants/tenant-limits-changes.js';
import { PROVIDER_CREDENTIALS_CHANGED_CHANNEL, TenantsService } from './modules/tenants/tenants.service.js';
import type { DatabaseListener } from './core/graphql/live-events.js';
import { ALERT_CHANNEL } from './modules/alerts/alert-raiser.js';
import { alertFromNotification } from './modules/alerts/alert.record.js';
import { API_KEYS_CHANGED_CHANNEL } from './modules/auth/api-keys.service.js';
import { PRICES_CHANGED_CHANNEL } from './modules/pricing/price-book.js';
import { USAGE_CHANNEL } from './modules/usage/reading/usage-activity.js';
import { UsageActivity, type UsageTopics } from './modules/usage/reading/usage-activity.js';
import { UsageIngestService } from './modules/usage/recording/usage-ingest.service.js';
import { UsageReadService } from './modules/usage/reading/usage-read.service.js';
import { UsageDashboardService } from './modules/usage/reading/usage-dashboard.service.js';
import { UsageRecorder } from './modules/usage/recording/usage-recorder.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { EndUsersService } from './modules/end-users/end-users.service.js';
import { UsageVoidService } from './modules/usage/corrections/usage-void.service.js';
import { TeamService } from './modules/auth/team.service.js';
import { PasswordsService } from './modules/auth/passwords.service.js';
import { Mailer } from './modules/notifications/mailer.js';
import { EndUserWindows } from './modules/end-users/end-user-windows.js';
import { GatewayService } from './modules/gateway/gateway.service.js';
import { ProviderKeys } from './modules/gateway/provider-keys.js';
import { UsageJournal } from './modules/gateway/usage-journal.js';
import { GatewayStatusService } from './modules/gateway/gateway-status.service.js';
import { WebhookTokensService } from './modules/tenants/webhook-tokens.service.js';
import { CallRecordsService } from './modules/gateway/smartflo/call-records.service.js';
import { StatementsService } from './modules/statements/statements.service.js';

/**
 * The live topics (subscriptions, fed in-process and from LISTEN/NOTIFY): each domain names its
 * payload, and the one pubsub built here carries them all.
 */
type LiveTopics = UsageTopics & { ALERT_RAISED: [AlertRecord] };

/** The composition root: every service built once, from configuration, database and clock. */
export function createServices(config: AppConfig, db: Database, clock: Clock, logger: Logger) {
  const pubsub = createPubSub<LiveTopics>();
  const audit = new AuditService(db.pool, db.reads);
  const tenantDirectory = new TenantDirectory(db.pool);
  const tenantLimitsChanges = new TenantLimitsChanges(db.pool);
  tenantLimitsChanges.onChange((tenantId) => tenantDirectory.forget(tenantId));
  const priceBook = new PriceBook(db.pool, logger);
  const activity = new UsageActivity(db.pool, pubsub, clock, logger);
  const recorder = new UsageRecorder(db.pool, priceBook, new AlertRaiser(config.ALERT_EMAILS), clock, logger);
  const tenants = new TenantsService(db.pool, tenantDirectory, tenantLimitsChanges, audit, config.MASTER_KEY);
  const usage = new UsageReadService(db.pool, clock, db.reads);
  const quotas = new QuotasService(db.pool, audit, clock, tenantLimitsChanges);
  const alerts = new AlertsService(db.pool, audit);
  const endUserWindows = new EndUserWindows(db.pool, clock, logger, db.direct.pool);
  const auth = new AuthService(db.pool, clock, logger, { idleHours: config.SESSION_TTL_HOURS, maxDays: config.SESSION_MAX_DAYS }, audit);
  const ingest = new UsageIngestService(recorder, tenantDirectory, activity, clock, config.INGEST_GROUP_WINDOW_MS);
  const providerKeys = new ProviderKeys(tenants);
  const webhookTokens = new WebhookTokensService(db.pool, audit);
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const mailer = new Mailer(config.SMTP_URL, config.SMTP_FROM, join(config.DATA_DIR, 'outbox'), logger);
  return {
    config,
    db,
    clock,
    logger,
    pubsub,
    audit,
    tenantDirectory,
    tenantLimitsChanges,
    priceBook,
    activity,
    auth,
    passwords: new PasswordsService(db.pool, auth, audit, mailer, clock, logger, publicUrl),
    team: new TeamService(db.pool, auth, audit, mailer, clock, logger, publicUrl),
    apiKeys: new ApiKeysService(db.pool, audit),
    tenants,
    pricing: new PricingService(db.pool, priceBook, audit, clock),
    tenantPricing: new TenantPricingService(db.pool, priceBook, audit, clock),
    recorder,
    ingest,
    providerKeys,
    webhookTokens,
    gatewayStatus: new GatewayStatusService(db.pool, clock),
    callRecords: new CallRecordsService(webhookTokens, ingest, clock, logger),
    gateway: new GatewayService(db.pool, auth, quotas, providerKeys, new UsageJournal(join(config.DATA_DIR, 'gateway-journal'), logger), ingest, priceBook, clock, logger),
    usage,
    quotas,
    alerts,
    dashboards: new UsageDashboardService(usage, quotas, alerts),
    endUserWindows,
    corrections: new UsageVoidService(db.pool, audit, clock),
    endUsers: new EndUsersService(db.pool, endUserWindows, clock),
    notifications: new NotificationsService(db.pool, tenants, config, clock, logger),
    statements: new StatementsService(db.pool, db.reads, tenantDirectory, audit, clock, logger),
  };
}

export type Services = ReturnType<typeof createServices>;

/** What each instance does when another instance (or the database) announces a change. */
export function listenToDatabase(listener: DatabaseListener, services: Services): void {
  listener.on(ALERT_CHANNEL, (payload) => services.pubsub.publish('ALERT_RAISED', alertFromNotification(payload)));
  listener.on(USAGE_CHANNEL, (payload) => services.activity.heardFromDatabase(payload));
  // Prices and tenants' markups (tenant_pricing) are reloaded together.
  listener.on(PRICES_CHANGED_CHANNEL, () => void services.priceBook.load());
  listener.on(API_KEYS_CHANGED_CHANNEL, () => services.auth.forgetApiKeys());
  listener.on(PROVIDER_CREDENTIALS_CHANGED_CHANNEL, () => services.providerKeys.forget());
  listener.on(TENANT_LIMITS_CHANGED_CHANNEL, (tenantId) => services.tenantLimitsChanges.heard(tenantId || undefined));
  // Whatever was announced while the connection was down is not known: drop every cache.
  listener.onReconnect(() => {
    void services.priceBook.load().catch(() => undefined);
    services.auth.forgetApiKeys();
    services.providerKeys.forget();
    services.tenantLimitsChanges.heard();
  });
}

/** The context every resolver receives: core's context with these services. */
export type AppContext = GraphQLContext<Services>;
