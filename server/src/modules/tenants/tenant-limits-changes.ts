import type pg from 'pg';

/** NOTIFY channel (payload: the tenant id): a tenant's status or quota changed. */
export const TENANT_LIMITS_CHANGED_CHANNEL = 'um_tenant_limits_changed';

type Forget = (tenantId?: string) => void;

/**
 * The one way a change of a tenant's status or quota reaches the caches that hold them (the
 * tenant directory, the gateway's admission limits): dropped here at once when announced, and on
 * every other instance when they hear the NOTIFY (services.ts `listenToDatabase`).
 */
export class TenantLimitsChanges {
  private readonly caches: Forget[] = [];

  constructor(private readonly pool: pg.Pool) {}

  /** Registers a cache to drop a tenant's entry (or, without an id, everything) on every change. */
  onChange(forget: Forget): void {
    this.caches.push(forget);
  }

  /** A change heard from another instance, or missed while the listener was away (no id: all). */
  heard(tenantId?: string): void {
    for (const forget of this.caches) forget(tenantId);
  }

  /** After the change committed: this instance's caches first, then every other instance's. */
  async announce(tenantId: string): Promise<void> {
    this.heard(tenantId);
    await this.pool.query('select pg_notify($1, $2)', [TENANT_LIMITS_CHANGED_CHANNEL, tenantId]);
  }
}
