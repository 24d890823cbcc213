import type pg from 'pg';
import { decodeCursor, encodeCursor, notACursor } from '../../core/graphql/cursor.js';
import { UserInputError } from '../../core/graphql/errors.js';
import { isDecimalLiteral } from '../../core/lib/money.js';
import { isUuid } from '../tenants/tenant-directory.js';
import { escapeLike } from '../usage/monthly-summary.record.js';

export const END_USER_ORDERS = ['COST_DESC', 'CALLS_DESC', 'LAST_SEEN_DESC', 'END_USER_ASC'] as const;
export type EndUserOrder = (typeof END_USER_ORDERS)[number];
export const END_USER_PAGE_SIZE_LIMIT = 100;

export interface EndUserPageRequest {
  /** Undefined: every tenant (admins only; scoping decided that before). */
  tenantId?: string;
  days: number;
  search?: string | null;
  orderBy: EndUserOrder;
  first: number;
  after?: string | null;
}

export interface EndUserWindowRow {
  tenantId: string;
  endUser: string;
  apiCalls: number;
  errorCalls: number;
  costUsd: string;
  lastSeenAt: Date;
}

/**
 * The ranked column of each order (its index: end_user_windows_cost / _calls / _last_seen), or
 * none for END_USER_ASC (the primary key). Ranked orders end in (tenant_id, end_user), which is
 * unique per window, so a keyset position is never ambiguous and ties read alphabetically; within
 * one tenant that is the index's own order, and across tenants each tenant's index is read from
 * the cursor on and the pages merged.
 */
const RANKED: Record<EndUserOrder, { column: string; cast: 'numeric' | 'bigint' | 'timestamptz'; text: string } | null> = {
  COST_DESC: { column: 'cost_usd', cast: 'numeric', text: 'w.cost_usd::text' },
  CALLS_DESC: { column: 'api_calls', cast: 'bigint', text: 'w.api_calls::text' },
  // To the microsecond, as stored: a millisecond Date in the cursor could skip or repeat rows.
  LAST_SEEN_DESC: { column: 'last_seen_at', cast: 'timestamptz', text: `to_char(w.last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` },
  END_USER_ASC: null,
};
const CURSOR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** What a cursor pins down besides the position: a cursor is refused anywhere else. */
interface Position {
  orderBy: EndUserOrder;
  scope: string;
  days: number;
  search: string;
  value: string | null;
  tenantId: string;
  endUser: string;
}

/**
 * One page of end users from the window rollups (never from logs): a range read of one index per
 * tenant from the cursor on. The cursor carries the order, tenant scope, range and search it was
 * made for, so one from another order or another tenant is BAD_USER_INPUT on `after`.
 */
export async function endUserPage(pool: pg.Pool, request: EndUserPageRequest): Promise<{ rows: EndUserWindowRow[]; hasNextPage: boolean; endCursor: string | null }> {
  const { first, orderBy, days } = request;
  if (!Number.isInteger(first) || first < 1 || first > END_USER_PAGE_SIZE_LIMIT) {
    throw new UserInputError({ field: 'first', message: `must be 1-${END_USER_PAGE_SIZE_LIMIT}` });
  }
  const scope = request.tenantId ?? '*';
  const search = request.search?.trim() ?? '';
  const position = request.after ? decodePosition(request.after, { orderBy, scope, days, search }) : undefined;
  const ranked = RANKED[orderBy];
  const params: unknown[] = [request.tenantId ?? null, days];
  let searchFilter = '';
  if (search) {
    const lowered = search.toLowerCase();
    const pattern = params.push(escapeLike(lowered));
    const like = (alias: string) => `lower(${alias}.end_user) like '%' || $${pattern} || '%'`;
    if (hasGrams(lowered)) {
      const pieces = params.push(lowered);
      // The directory's index finds the ids holding every three-character piece of the search;
      // the window rows are joined by key.
      searchFilter = `and w.end_user in (select d.end_user from end_user_directory d
                        where ${GRAMS_MATCH('d', 't.id', `$${pieces}`)} and d.tenant_id = t.id and ${like('d')})`;
    } else {
      // Too short for the index, and so common that the order's index finds a page of them soon.
      searchFilter = `and ${like('w')}`;
    }
  }
  let keyset = '';
  if (position && ranked) {
    params.push(position.value, position.tenantId, position.endUser);
    const [v, pt, pu] = [params.length - 2, params.length - 1, params.length];
    // The first term is implied by the second; spelled out so each index range starts at the cursor.
    keyset = `and w.${ranked.column} <= $${v}::${ranked.cast}
      and (w.${ranked.column} < $${v}::${ranked.cast} or (w.tenant_id, w.end_user) > ($${pt}::uuid, $${pu}::text))`;
  } else if (position) {
    params.push(position.endUser, position.tenantId);
    const [pu, pt] = [params.length - 1, params.length];
    keyset = `and w.end_user >= $${pu}::text and (w.end_user, w.tenant_id) > ($${pu}::text, $${pt}::uuid)`;
  }
  const order = ranked ? `${ranked.column} desc, tenant_id, end_user` : 'end_user, tenant_id';
  const { rows } = await pool.query(
    `select x.* from tenants t cross join lateral (
       select w.tenant_id, w.end_user, w.api_calls, w.error_calls, w.cost_usd::text as cost_usd, w.last_seen_at,
              ${ranked ? ranked.text : 'null'} as sort_value
         from end_user_windows w
        where w.tenant_id = t.id and w.window_days = $2 ${searchFilter} ${keyset}
        order by ${ranked ? `w.${ranked.column} desc, w.end_user` : 'w.end_user'}
        limit ${first + 1}
     ) x
     where $1::uuid is null or t.id = $1
     order by ${order} limit ${first + 1}`,
    params,
  );
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({
      tenantId: row.tenant_id,
      endUser: row.end_user,
      apiCalls: Number(row.api_calls),
      errorCalls: Number(row.error_calls),
      costUsd: row.cost_usd,
      lastSeenAt: row.last_seen_at,
    })),
    hasNextPage: rows.length > first,
    endCursor: last
      ? encodeCursor([orderBy, scope, days, search, last.sort_value, last.tenant_id, last.end_user])
      : null,
  };
}

/** The distinct end users of the range: counters for the whole range, matching ids for a search. */
export async function endUserCount(pool: pg.Pool, request: Pick<EndUserPageRequest, 'tenantId' | 'days' | 'search'>): Promise<number> {
  const search = request.search?.trim();
  if (!search) {
    const { rows } = await pool.query(
      `select coalesce(sum(end_users), 0)::bigint as n from end_user_window_counts where window_days = $2 and ($1::uuid is null or tenant_id = $1)`,
      [request.tenantId ?? null, request.days],
    );
    return Number(rows[0].n);
  }
  const lowered = search.toLowerCase();
  const { rows } = hasGrams(lowered)
    ? await pool.query(
        `select count(*)::bigint as n from tenants t
           join end_user_directory d on d.tenant_id = t.id and ${GRAMS_MATCH('d', 't.id', '$4')}
           join end_user_windows w on w.tenant_id = d.tenant_id and w.window_days = $2 and w.end_user = d.end_user
          where ($1::uuid is null or t.id = $1) and lower(d.end_user) like '%' || $3 || '%'`,
        [request.tenantId ?? null, request.days, escapeLike(lowered), lowered],
      )
    : await pool.query(
        `select count(*)::bigint as n from end_user_windows w
          where ($1::uuid is null or w.tenant_id = $1) and w.window_days = $2 and lower(w.end_user) like '%' || $3 || '%'`,
        [request.tenantId ?? null, request.days, escapeLike(lowered)],
      );
  return Number(rows[0].n);
}

/**
 * The directory's search index (migration Migration20261220000000_end_user_deltas_search): each
 * end user's three-character pieces of its lower-cased id, each under its tenant, so a search
 * reads only its own tenant's entries of the pieces it names, at any number of end users (a
 * trigram index with tenant_id as a key of its own read that key's whole posting list: all the
 * tenant's users). A match on every piece is necessary for a substring; the LIKE beside it decides.
 */
const GRAMS_MATCH = (alias: string, tenant: string, search: string) =>
  `end_user_search_grams(${alias}.tenant_id, lower(${alias}.end_user)) @> end_user_search_grams(${tenant}, ${search}::text)`;

/** Whether a lower-cased search has a three-character piece (in characters, as PostgreSQL counts them). */
function hasGrams(lowered: string): boolean {
  return [...lowered].length >= 3;
}

function decodePosition(cursor: string, expected: Pick<Position, 'orderBy' | 'scope' | 'days' | 'search'>): Position {
  const [orderBy, scope, days, search, value, tenantId, endUser] = decodeCursor(cursor, 7);
  if (
    !(END_USER_ORDERS as readonly unknown[]).includes(orderBy) ||
    typeof scope !== 'string' ||
    typeof days !== 'number' ||
    typeof search !== 'string' ||
    typeof tenantId !== 'string' ||
    !isUuid(tenantId) ||
    typeof endUser !== 'string'
  ) {
    throw notACursor();
  }
  if (scope !== expected.scope) throw notACursor('was made for another tenant; start again without it');
  if (orderBy !== expected.orderBy) throw notACursor(`was made for orderBy ${String(orderBy)}; start again without it`);
  if (days !== expected.days || search !== expected.search) throw notACursor('was made for another range or search; start again without it');
  const ranked = RANKED[orderBy as EndUserOrder];
  const validValue = !ranked
    ? value === null
    : typeof value === 'string' &&
      (ranked.cast === 'bigint' ? /^\d{1,19}$/.test(value) : ranked.cast === 'numeric' ? isDecimalLiteral(value) : CURSOR_TIMESTAMP.test(value));
  if (!validValue) throw notACursor();
  return { orderBy: orderBy as EndUserOrder, scope, days, search, value: value as string | null, tenantId, endUser };
}
