// B9 data and probes: one tenant's end users, loaded straight into PostgreSQL as B4 loads its
// history (INSERT … SELECT generate_series, in chunks), then rolled up by the server's own
// rebuild command, which builds the end-user rollups, directory and windows too.
import { createHash } from 'node:crypto';

const CHUNK = 250_000;
const DAY_SECONDS = 86_400;
// Multiplicative hashing spreads consecutive log numbers over the range without a random() call.
const SPREAD = 2_654_435_761;

/** An end user's id as the load writes it: opaque, like a tenant's own user ids (trigrams spread evenly). */
export const endUserId = (n) => `u${createHash('md5').update(String(n)).digest('hex').slice(0, 16)}`;

/**
 * Logs for end users `fromUser` … `toUser - 1` of one tenant, `logsPerUser` each: the first within
 * the last 29 days (so every user is in the 30-day ranking, its largest case), the others anywhere
 * in the last 365 days; round-robin over the three services, 2% errors, priced at the default
 * rates.
 */
export async function loadEndUserLogs(client, tenantId, fromUser, toUser, logsPerUser, onProgress = () => undefined) {
  const first = fromUser * logsPerUser;
  const last = toUser * logsPerUser - 1;
  for (let start = first; start <= last; start += CHUNK) {
    const end = Math.min(last, start + CHUNK - 1);
    await client.query(
      `insert into usage_logs (id, tenant_id, occurred_at, recorded_at, service, model, input_tokens, output_tokens, characters,
                               duration_seconds, cost_usd, provider_cost_usd, pricing_status, status, request_id, end_user, source)
       select gen_random_uuid(), $1::uuid, t.at, t.at, x.service, x.model, x.input, x.output, x.chars, x.seconds, x.cost, x.cost, 'PRICED',
              case when g % 50 = 0 then 'ERROR' else 'SUCCESS' end, 'eu-bulk-' || g,
              'u' || left(md5((g / $4::int)::text), 16), 'API'
         from generate_series($2::bigint, $3::bigint) g
        cross join lateral (select now() - make_interval(secs => ((g * ${SPREAD}) % (case when g % $4::int = 0 then 29 else 364 end * ${DAY_SECONDS}))::float8) as at) t
        cross join lateral (
          select * from (values
            (0, 'OPENAI', 'gpt-4o-mini', 100 + (g % 900)::int, 20 + (g % 300)::int, null::int, null::numeric,
                round(((100 + g % 900) * 0.00015 + (20 + g % 300) * 0.0006) / 1000, 12)),
            (1, 'ELEVENLABS', null, null, null, 50 + (g % 2000)::int, null, round((50 + g % 2000) * 0.03 / 1000, 12)),
            (2, 'SMARTFLO', null, null, null, null, (10 + g % 600)::numeric, round((10 + g % 600) * 0.02 / 60, 12))
          ) v(k, service, model, input, output, chars, seconds, cost) where k = g % 3) x`,
      [tenantId, start, end, logsPerUser],
    );
    onProgress(Math.floor(end / logsPerUser) + 1);
  }
  await client.query('vacuum analyze usage_logs');
}

/** As vacuumAggregates (dashboards.mjs) does for B4: fresh statistics, no checkpoint during the probes. */
export async function vacuumEndUserAggregates(client) {
  await client.query(`vacuum analyze monthly_summaries, daily_rollups, end_user_daily_rollups, end_user_monthly_totals, end_user_directory,
    end_user_window_state, end_user_windows, end_user_window_counts`);
  await client.query('checkpoint');
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } nodes { endUser apiCalls errorCalls totalCostUsd costPerCallUsd dailyAverageCostUsd firstSeenAt lastSeenAt services { service apiCalls units costUsd } }';
const SERIES = 'totalCostUsd dates lines { key totalCostUsd costUsd apiCalls }';

/**
 * The end-user reads an admin sends for one tenant: the first page (50) in each order over 30 days,
 * a search for part of one user's id, the active count and that user's 365-day series. The
 * user is one of the first thousand, so it exists at every size.
 */
export function endUserQueries(tenantId, userNumber = 424) {
  const endUser = endUserId(userNumber);
  const page = (orderBy, search) => ({
    query: `query($t: ID, $o: EndUserOrder!, $s: String) { endUsers(input: { tenantId: $t, days: 30, first: 50, orderBy: $o, search: $s }) { ${PAGE} } }`,
    variables: { t: tenantId, o: orderBy, ...(search ? { s: search } : {}) },
  });
  return [
    { name: 'me (reference)', query: '{ me { id } }' },
    ...['COST_DESC', 'CALLS_DESC', 'LAST_SEEN_DESC', 'END_USER_ASC'].map((order) => ({ name: `endUsers ${order}`, ...page(order) })),
    { name: `endUsers search "${endUser.slice(3, 9)}"`, ...page('COST_DESC', endUser.slice(3, 9)) },
    { name: 'usageDashboard activeEndUsers', query: 'query($t: ID) { usageDashboard(tenantId: $t) { activeEndUsers } }', variables: { t: tenantId } },
    {
      name: 'usageTimeSeries 365 d (one end user)',
      query: `query($t: ID, $u: String) { usageTimeSeries(input: { days: 365, groupBy: SERVICE, tenantId: $t, endUser: $u }) { ${SERIES} } }`,
      variables: { t: tenantId, u: endUser },
    },
  ];
}
