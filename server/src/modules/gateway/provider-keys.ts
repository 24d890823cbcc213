import type { TenantsService } from '../tenants/tenants.service.js';

export type GatewayProvider = 'OPENAI' | 'ELEVENLABS';

/**
 * Each tenant's provider key, decrypted once and held in memory: the gateway needs it on every
 * call, and AES-GCM plus a query per call would be wasted work. Dropped on every instance when a
 * credential is set (NOTIFY on PROVIDER_CREDENTIALS_CHANGED_CHANNEL), and after ten minutes regardless. The key lives
 * only here and in the upstream request's header: never in a response, a log line or a metric.
 */
export class ProviderKeys {
  private readonly cache = new Map<string, { key: string | null; until: number }>();

  constructor(private readonly tenants: Pick<TenantsService, 'revealCredential'>) {}

  async keyFor(tenantId: string, provider: GatewayProvider): Promise<string | null> {
    const id = `${tenantId}:${provider}`;
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.key;
    const key = await this.tenants.revealCredential(tenantId, provider);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { key, until: Date.now() + 600_000 });
    return key;
  }

  forget(): void {
    this.cache.clear();
  }
}
