import type pg from 'pg';
import type { Logger } from 'pino';
import type { PubSub } from '@graphql-yoga/subscription';
import type { Clock } from '../../../core/lib/clock.js';
import { monthWindow, formatDay } from '../../../core/lib/period.js';
import { normalizeDecimal } from '../usage-log.record.js';

export const USAGE_CHANNEL = 'um_usage_updated';

/** A tenant's fresh month totals, as `usageUpdated` delivers them. */
export interface UsageUpdateRecord {
  tenantId: string;
  period: string;
  totalCostUsd: string;
  totalApiCalls: number;
  errorCalls: number;
}

/** The live topic this module publishes; the composition root's pubsub carries it with the others. */
// A type, not an interface: PubSub's topic map needs an index signature, which only an alias satisfies.
export type UsageTopics = {
  USAGE_UPDATED: [UsageUpdateRecord];
};

/**
 * Live dashboard totals (`usageUpdated`), at most one message per tenant per second. Recording
 * only marks tenants as touched (no NOTIFY on the hot path: NOTIFY serialises commits); once a
 * second each instance announces its touched tenants, and each instance sends its subscribers
 * the fresh totals of the tenants it heard about, in one query.
 */
export class UsageActivity {
  private touchedHere = new Set<string>();
  private heard = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pool: pg.Pool,
    private readonly pubsub: Pick<PubSub<UsageTopics>, 'publish'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  touched(outcomes: { duplicate: boolean; log: { tenantId: string } }[]): void {
    for (const outcome of outcomes) if (!outcome.duplicate) this.touchedHere.add(outcome.log.tenantId);
  }

  heardFromDatabase(payload: string): void {
    for (const tenantId of JSON.parse(payload) as string[]) this.heard.add(tenantId);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), 1_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      if (this.touchedHere.size > 0) {
        const tenants = [...this.touchedHere];
        this.touchedHere = new Set();
        // NOTIFY payloads are limited to 8000 bytes: ~200 ids per message.
        for (let i = 0; i < tenants.length; i += 200) {
          await this.pool.query('select pg_notify($1, $2)', [USAGE_CHANNEL, JSON.stringify(tenants.slice(i, i + 200))]);
        }
      }
      if (this.heard.size > 0) {
        const tenants = [...this.heard];
        this.heard = new Set();
        const window = monthWindow(this.clock.now());
        const { rows } = await this.pool.query(
          `select tenant_id, total_cost_usd::text, total_api_calls, error_calls from monthly_summaries
            where tenant_id = any($1::uuid[]) and period = $2::date`,
          [tenants, formatDay(window.start)],
        );
        for (const row of rows) {
          this.pubsub.publish('USAGE_UPDATED', {
            tenantId: row.tenant_id,
            period: window.period,
            totalCostUsd: normalizeDecimal(row.total_cost_usd),
            totalApiCalls: row.total_api_calls,
            errorCalls: row.error_calls,
          });
        }
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'usage update tick failed');
    }
  }
}
