import type pg from 'pg';
import { decodeCursor, encodeCursor, notACursor } from '../../../core/graphql/cursor.js';
import { UserInputError } from '../../../core/graphql/errors.js';
import { isDecimalLiteral } from '../../../core/lib/money.js';
import { formatDay, type MonthWindow } from '../../../core/lib/period.js';
import { isUuid } from '../../tenants/tenant-directory.js';
import { escapeLike, SUMMARY_SELECT, summaryFromRow, type SummaryRecord } from '../monthly-summary.record.js';

export const SUMMARY_ORDERS = ['TOTAL_COST_DESC', 'API_CALLS_DESC', 'TENANT_NAME_ASC'] as const;
export type SummaryOrder = (typeof SUMMARY_ORDERS)[number];
export const SUMMARY_PAGE_SIZE_LIMIT = 100;

export interface SummaryPageRequest {
  tenantId?: string;
  search?: string | null;
  orderBy: SummaryOrder;
  first: number;
  after?: string | null;
}

export interface SummaryPage {
  nodes: SummaryRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

/**
 * The ranked column of each order, or none for the name order. Every order ends in
 * (lower(name), tenant_id): tenant names are unique case-insensitively (tenants_name_unique), so
 * the order is total and a keyset position is never ambiguous, and ties in cost or calls read
 * alphabetically. The ranked columns lead an index with the period
 * (monthly_summaries_period_cost, monthly_summaries_period_calls): a page reads its rows in index
 * order and sorts only within equal values; the name order walks tenants_name_unique.
 */
const RANKED: Record<SummaryOrder, { column: string; cast: 'numeric' | 'bigint' } | null> = {
  TOTAL_COST_DESC: { column: 's.total_cost_usd', cast: 'numeric' },
  API_CALLS_DESC: { column: 's.total_api_calls', cast: 'bigint' },
  TENANT_NAME_ASC: null,
};

interface Position {
  orderBy: SummaryOrder;
  value: string | null;
  name: string;
  tenantId: string;
}

/**
 * One page of a month's summaries, keyset-paginated. The cursor carries the order it was made
 * for, so a cursor from another order (its position means nothing there) is refused rather than
 * silently skipping or repeating tenants.
 */
export async function summaryPage(pool: pg.Pool, window: MonthWindow, request: SummaryPageRequest): Promise<SummaryPage> {
  const { first, orderBy } = request;
  if (!Number.isInteger(first) || first < 1 || first > SUMMARY_PAGE_SIZE_LIMIT) {
    throw new UserInputError({ field: 'first', message: `must be 1-${SUMMARY_PAGE_SIZE_LIMIT}` });
  }
  const position = request.after ? decodePosition(request.after, orderBy) : undefined;
  const ranked = RANKED[orderBy];
  const search = request.search?.trim() ? escapeLike(request.search.trim()) : null;
  const filter = `s.period = $1::date and ($2::uuid is null or s.tenant_id = $2) and ($3::text is null or t.name ilike '%' || $3 || '%')`;
  const params: unknown[] = [formatDay(window.start), request.tenantId ?? null, search];
  let keyset = '';
  if (position && ranked) {
    params.push(position.value, position.name, position.tenantId);
    // The first term is implied by the second; it is spelled out so the index range starts at
    // the cursor instead of at the top of the month.
    keyset = `and ${ranked.column} <= $4::${ranked.cast}
      and (${ranked.column} < $4::${ranked.cast} or (lower(t.name), s.tenant_id) > ($5::text, $6::uuid))`;
  } else if (position) {
    params.push(position.name, position.tenantId);
    // The same redundant first term: the walk of tenants_name_unique starts at the cursor.
    keyset = 'and lower(t.name) >= $4::text and (lower(t.name), s.tenant_id) > ($4::text, $5::uuid)';
  }
  const order = `${ranked ? `${ranked.column} desc, ` : ''}lower(t.name), s.tenant_id`;
  const [{ rows }, count] = await Promise.all([
    pool.query(
      `${SUMMARY_SELECT.replace(' from monthly_summaries', `, lower(t.name) as sort_name, ${ranked ? `${ranked.column}::text` : 'null'} as sort_value\n  from monthly_summaries`)}
        where ${filter} ${keyset} order by ${order} limit ${first + 1}`,
      params,
    ),
    pool.query(`select count(*)::int as n from monthly_summaries s join tenants t on t.id = s.tenant_id where ${filter}`, params.slice(0, 3)),
  ]);
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    nodes: page.map(summaryFromRow),
    hasNextPage: rows.length > first,
    endCursor: last ? encodePosition({ orderBy, value: last.sort_value, name: last.sort_name, tenantId: last.tenant_id }) : null,
    totalCount: count.rows[0].n,
  };
}

function encodePosition(position: Position): string {
  return encodeCursor([position.orderBy, position.value, position.name, position.tenantId]);
}

function decodePosition(cursor: string, orderBy: SummaryOrder): Position {
  const [order, value, name, tenantId] = decodeCursor(cursor, 4);
  if (!(SUMMARY_ORDERS as readonly unknown[]).includes(order) || typeof name !== 'string' || typeof tenantId !== 'string' || !isUuid(tenantId)) {
    throw notACursor();
  }
  if (order !== orderBy) throw notACursor(`was made for orderBy ${String(order)}; start again without it`);
  const ranked = RANKED[orderBy];
  const validValue = ranked ? typeof value === 'string' && (ranked.cast === 'bigint' ? /^\d{1,19}$/.test(value) : isDecimalLiteral(value)) : value === null;
  if (!validValue) throw notACursor();
  return { orderBy, value: value as string | null, name, tenantId };
}
