import type pg from 'pg';
import { UserInputError } from '../../core/graphql/errors.js';
import type { Clock } from '../../core/lib/clock.js';
import { formatMoney, money, roundCost } from '../../core/lib/money.js';
import { DAY_MS, dayStart, formatDay, isDayRange } from '../../core/lib/period.js';
import { normalizeDecimal } from '../usage/usage-log.record.js';
import { endUserCount, endUserPage, type EndUserOrder } from './end-user-page.js';
import type { EndUserWindows } from './end-user-windows.js';

export interface EndUserServiceTotal {
  service: string;
  /** Tokens, characters or minutes, as the tenant's charts count them. */
  units: number;
  costUsd: string;
  apiCalls: number;
}

/** One end user over a range, as the ranking shows it (money as exact decimal strings). */
export interface EndUserUsageRecord {
  tenantId: string;
  endUser: string;
  totalCostUsd: string;
  apiCalls: number;
  errorCalls: number;
  /** totalCostUsd / apiCalls and totalCostUsd / days, each rounded once to 12 decimals (half up). */
  costPerCallUsd: string;
  dailyAverageCostUsd: string;
  services: EndUserServiceTotal[];
  /** First and last call within the range. */
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface EndUsersRequest {
  tenantId?: string;
  days: number;
  search?: string | null;
  orderBy: EndUserOrder;
  first: number;
  after?: string | null;
}

const SERVICES = ['OPENAI', 'ELEVENLABS', 'SMARTFLO'] as const;

/**
 * Who inside each tenant spends what: rankings from the window rollups, a page's per-service split
 * and first call from that page's users' daily rollups. Nothing here reads usage_logs.
 */
export class EndUsersService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly windows: EndUserWindows,
    private readonly clock: Clock,
  ) {}

  async page(request: EndUsersRequest): Promise<{ nodes: EndUserUsageRecord[]; hasNextPage: boolean; endCursor: string | null; totalCount: number }> {
    if (!isDayRange(request.days)) throw new UserInputError({ field: 'days', message: 'must be 7, 30, 90 or 365' });
    // The windows must end today (right after midnight UTC the hourly roll-forward may not have
    // run yet) and hold every event recorded before this read (deltas not folded yet).
    await this.windows.catchUp(request.tenantId);
    const [page, totalCount] = await Promise.all([endUserPage(this.pool, request), endUserCount(this.pool, request)]);
    const from = formatDay(new Date(dayStart(this.clock.now()).getTime() - (request.days - 1) * DAY_MS));
    const details = await this.details(page.rows.map((row) => [row.tenantId, row.endUser] as const), from);
    return {
      nodes: page.rows.map((row) => {
        const detail = details.get(`${row.tenantId}|${row.endUser}`);
        const cost = money(row.costUsd);
        return {
          tenantId: row.tenantId,
          endUser: row.endUser,
          totalCostUsd: normalizeDecimal(row.costUsd),
          apiCalls: row.apiCalls,
          errorCalls: row.errorCalls,
          costPerCallUsd: formatMoney(roundCost(cost.dividedBy(row.apiCalls))),
          dailyAverageCostUsd: formatMoney(roundCost(cost.dividedBy(request.days))),
          services: SERVICES.map((service) => detail?.services.get(service) ?? { service, units: 0, costUsd: '0', apiCalls: 0 }),
          firstSeenAt: detail?.firstSeenAt ?? row.lastSeenAt,
          lastSeenAt: row.lastSeenAt,
        };
      }),
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
      totalCount,
    };
  }

  /** Per-service totals and first call in the range, for the users of one page (an index range each). */
  private async details(users: readonly (readonly [string, string])[], from: string) {
    const result = new Map<string, { services: Map<string, EndUserServiceTotal>; firstSeenAt: Date }>();
    if (users.length === 0) return result;
    const { rows } = await this.pool.query(
      `select r.tenant_id, r.end_user, r.service, sum(r.units)::text as units, sum(r.cost_usd)::text as cost, sum(r.api_calls) as calls,
              min(r.first_seen_at) as first_seen_at
         from unnest($1::uuid[], $2::text[]) as p(tenant_id, end_user)
         join end_user_daily_rollups r on r.tenant_id = p.tenant_id and r.end_user = p.end_user and r.day >= $3::date
        group by 1, 2, 3`,
      [users.map(([tenantId]) => tenantId), users.map(([, endUser]) => endUser), from],
    );
    for (const row of rows) {
      const key = `${row.tenant_id}|${row.end_user}`;
      const entry = result.get(key) ?? { services: new Map(), firstSeenAt: row.first_seen_at };
      if (row.first_seen_at < entry.firstSeenAt) entry.firstSeenAt = row.first_seen_at;
      entry.services.set(row.service, { service: row.service, units: Number(row.units), costUsd: normalizeDecimal(row.cost), apiCalls: Number(row.calls) });
      result.set(key, entry);
    }
    return result;
  }
}
