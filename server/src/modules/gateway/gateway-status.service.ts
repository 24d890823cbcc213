import type pg from 'pg';
import type { Clock } from '../../core/lib/clock.js';
import { monthWindow } from '../../core/lib/period.js';

export interface GatewayStatusRecord {
  openaiCredentialSet: boolean;
  elevenlabsCredentialSet: boolean;
  webhookTokenSet: boolean;
  callsThisMonth: number;
}

/**
 * A tenant's gateway set-up and this month's traffic through it, in one statement. The count is
 * a range of the partial index usage_logs_tenant_gateway_recent (gateway and webhook rows only,
 * voided ones out), so it costs the tenant's gateway calls this month, never its whole log.
 */
export class GatewayStatusService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  async of(tenantId: string): Promise<GatewayStatusRecord> {
    const window = monthWindow(this.clock.now());
    const { rows } = await this.pool.query(
      `select exists (select 1 from provider_credentials where tenant_id = $1 and provider = 'OPENAI') as openai,
              exists (select 1 from provider_credentials where tenant_id = $1 and provider = 'ELEVENLABS') as elevenlabs,
              exists (select 1 from gateway_webhook_tokens where tenant_id = $1) as webhook,
              (select count(*) from usage_logs
                where tenant_id = $1 and source <> 'API' and voided_at is null and occurred_at >= $2 and occurred_at < $3) as calls`,
      [tenantId, window.start, window.end],
    );
    const row = rows[0];
    return { openaiCredentialSet: row.openai, elevenlabsCredentialSet: row.elevenlabs, webhookTokenSet: row.webhook, callsThisMonth: Number(row.calls) };
  }
}
