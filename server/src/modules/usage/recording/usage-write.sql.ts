/**
 * The recorder's one write statement: insert the logs and increment daily rollups, platform
 * rollups (one split counter), monthly summaries and the end users' daily and monthly rollups in
 * SQL (`x = x + excluded.x`), append the end users' window deltas, and return the new
 * tenant-month totals with quotas and the end users the group took to or past their monthly
 * cap. With `claimFirst` the same statement also claims the idempotency keys and writes only
 * when it claimed every one of them (the usual case: a group of new events costs one round trip);
 * otherwise it writes nothing and the recorder sorts duplicates from new events and writes the
 * new ones with the plain statement.
 *
 * The keys are claimed from the logs' own arrays (tenant, request id, log id, occurredAt: $2,
 * $16, $1, $3) plus the body hashes ($68), so the recorder passes the logs in key order, the order
 * every concurrent group claims in. recorded_at is one value ($4) for the whole group. Each
 * array element is parsed by PostgreSQL and written by the server: in a 500-event batch these
 * were 2,500 of them.
 */
export function writeStatement(claimFirst: boolean): string {
  const claim = claimFirst
    ? `claimed as (
  insert into usage_request_keys (tenant_id, request_id, body_hash, log_id, occurred_at)
  select t, r, decode(h, 'hex'), l, o from unnest($2::uuid[], $16::text[], $68::text[], $1::uuid[], $3::timestamptz[]) as k(t, r, h, l, o)
  on conflict (tenant_id, request_id) do nothing
  returning 1
), claim_check as (
  select count(*) = cardinality($1::uuid[]) as all_claimed from claimed
), `
    : '';
  const g = claimFirst ? ' where (select all_claimed from claim_check)' : '';
  return `
with ${claim}logs as (
  insert into usage_logs (id, tenant_id, occurred_at, recorded_at, service, model, input_tokens, cached_input_tokens,
                          output_tokens, characters, duration_seconds, cost_usd, pricing_status, price_id, status, request_id, metadata,
                          end_user, source, provider_cost_usd)
  select l.id, l.tenant_id, l.occurred_at, $4::timestamptz, l.service, l.model, l.input_tokens, l.cached_input_tokens,
         l.output_tokens, l.characters, l.duration_seconds, l.cost_usd, l.pricing_status, l.price_id, l.status, l.request_id, l.metadata,
         l.end_user, l.source, l.provider_cost_usd
    from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[],
                $11::numeric[], $12::numeric[], $13::text[], $14::uuid[], $15::text[], $16::text[], $17::jsonb[], $52::text[], $53::text[],
                $65::numeric[])
      as l(id, tenant_id, occurred_at, service, model, input_tokens, cached_input_tokens, output_tokens, characters,
           duration_seconds, cost_usd, pricing_status, price_id, status, request_id, metadata, end_user, source, provider_cost_usd)${g}
), daily as (
  insert into daily_rollups as d (tenant_id, day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd, provider_cost_usd)
  select * from unnest($18::uuid[], $19::date[], $20::text[], $21::text[], $22::bigint[], $23::bigint[], $24::bigint[], $25::numeric[], $26::numeric[],
                       $66::numeric[])${g}
  on conflict (tenant_id, day, service, model) do update set
    api_calls = d.api_calls + excluded.api_calls, error_calls = d.error_calls + excluded.error_calls,
    unpriced_calls = d.unpriced_calls + excluded.unpriced_calls, units = d.units + excluded.units, cost_usd = d.cost_usd + excluded.cost_usd,
    provider_cost_usd = d.provider_cost_usd + excluded.provider_cost_usd
), platform as (
  insert into platform_daily_rollups as p (day, service, model, api_calls, error_calls, unpriced_calls, units, cost_usd, shard)
  select u.*, $51::smallint from unnest($27::date[], $28::text[], $29::text[], $30::bigint[], $31::bigint[], $32::bigint[], $33::numeric[], $34::numeric[]) as u${g}
  on conflict (day, service, model, shard) do update set
    api_calls = p.api_calls + excluded.api_calls, error_calls = p.error_calls + excluded.error_calls,
    unpriced_calls = p.unpriced_calls + excluded.unpriced_calls, units = p.units + excluded.units, cost_usd = p.cost_usd + excluded.cost_usd
), eu as (
  select * from unnest($54::uuid[], $55::date[], $56::text[], $57::text[], $58::text[], $59::bigint[], $60::bigint[], $61::numeric[],
                       $62::numeric[], $63::timestamptz[], $64::timestamptz[])
    as e(tenant_id, day, end_user, service, model, api_calls, error_calls, units, cost_usd, first_seen_at, last_seen_at)${g}
), eu_daily as (
  insert into end_user_daily_rollups as r (tenant_id, day, end_user, service, model, api_calls, error_calls, units, cost_usd, first_seen_at, last_seen_at)
  select * from eu
  on conflict (tenant_id, day, end_user, service, model) do update set
    api_calls = r.api_calls + excluded.api_calls, error_calls = r.error_calls + excluded.error_calls, units = r.units + excluded.units,
    cost_usd = r.cost_usd + excluded.cost_usd, first_seen_at = least(r.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(r.last_seen_at, excluded.last_seen_at)
), eu_month as (
  -- In key order, as every other upsert here: a hash aggregate's order depends on the group's other
  -- users, and two groups locking two users' rows in opposite orders deadlock.
  insert into end_user_monthly_totals as m (tenant_id, period, end_user, api_calls, error_calls, cost_usd)
  select tenant_id, date_trunc('month', day)::date, end_user, sum(api_calls), sum(error_calls), sum(cost_usd) from eu group by 1, 2, 3 order by 1, 2, 3
  on conflict (tenant_id, period, end_user) do update set
    api_calls = m.api_calls + excluded.api_calls, error_calls = m.error_calls + excluded.error_calls, cost_usd = m.cost_usd + excluded.cost_usd
  returning m.tenant_id, m.period, m.end_user, m.cost_usd, m.xmax = 0 as inserted
), eu_deltas as (
  -- The windows' share, folded into them later (end-users/end-user-windows.ts): one row per end user and day.
  insert into end_user_window_deltas (tenant_id, day, end_user, api_calls, error_calls, cost_usd, first_seen_at, last_seen_at)
  select tenant_id, day, end_user, sum(api_calls), sum(error_calls), sum(cost_usd), min(first_seen_at), max(last_seen_at) from eu group by 1, 2, 3
), summary as (
  insert into monthly_summaries as s (tenant_id, period, openai_input_tokens, openai_cached_input_tokens, openai_output_tokens,
      openai_characters, openai_seconds, openai_cost_usd, elevenlabs_characters, elevenlabs_cost_usd, smartflo_seconds,
      smartflo_cost_usd, total_cost_usd, total_api_calls, error_calls, unpriced_calls, provider_cost_usd, active_end_users)
  select u.*, coalesce(a.new_end_users, 0)
    from unnest($35::uuid[], $36::date[], $37::bigint[], $38::bigint[], $39::bigint[], $40::bigint[], $41::numeric[],
      $42::numeric[], $43::bigint[], $44::numeric[], $45::numeric[], $46::numeric[], $47::numeric[], $48::bigint[], $49::bigint[], $50::bigint[],
      $67::numeric[])
      as u(tenant_id, period, oi, oc, oo, och, os, ocost, ech, ecost, ss, scost, total, calls, errors, unpriced, provider)
    -- A month's distinct end users are counted as their month row is created, never at query time.
    left join (select tenant_id, period, count(*) filter (where inserted) as new_end_users from eu_month group by 1, 2) a
      on a.tenant_id = u.tenant_id and a.period = u.period${g}
  on conflict (tenant_id, period) do update set
    openai_input_tokens = s.openai_input_tokens + excluded.openai_input_tokens,
    openai_cached_input_tokens = s.openai_cached_input_tokens + excluded.openai_cached_input_tokens,
    openai_output_tokens = s.openai_output_tokens + excluded.openai_output_tokens,
    openai_characters = s.openai_characters + excluded.openai_characters,
    openai_seconds = s.openai_seconds + excluded.openai_seconds,
    openai_cost_usd = s.openai_cost_usd + excluded.openai_cost_usd,
    elevenlabs_characters = s.elevenlabs_characters + excluded.elevenlabs_characters,
    elevenlabs_cost_usd = s.elevenlabs_cost_usd + excluded.elevenlabs_cost_usd,
    smartflo_seconds = s.smartflo_seconds + excluded.smartflo_seconds,
    smartflo_cost_usd = s.smartflo_cost_usd + excluded.smartflo_cost_usd,
    total_cost_usd = s.total_cost_usd + excluded.total_cost_usd,
    provider_cost_usd = s.provider_cost_usd + excluded.provider_cost_usd,
    total_api_calls = s.total_api_calls + excluded.total_api_calls,
    error_calls = s.error_calls + excluded.error_calls,
    unpriced_calls = s.unpriced_calls + excluded.unpriced_calls,
    active_end_users = s.active_end_users + excluded.active_end_users,
    updated_at = now()
  returning s.*
)
select summary.tenant_id, to_char(summary.period, 'YYYY-MM') as period, summary.openai_input_tokens, summary.openai_output_tokens,
       summary.elevenlabs_characters, summary.smartflo_seconds::text, summary.total_cost_usd::text,
       t.name as tenant_name, t.contact_email, t.webhook_url, q.tenant_id is not null as has_quota,
       q.openai_token_limit, q.elevenlabs_character_limit, q.smartflo_minute_limit::text, q.monthly_cost_limit_usd::text,
       q.requests_per_minute_limit, q.alert_at_percentage, q.enforcement, q.end_user_monthly_cost_limit_usd::text,
       (select coalesce(json_agg(json_build_object('endUser', m.end_user, 'costUsd', m.cost_usd::text) order by m.end_user), '[]'::json)
          from eu_month m
         where m.tenant_id = summary.tenant_id and m.period = summary.period and m.cost_usd >= q.end_user_monthly_cost_limit_usd) as end_users_at_cap
  from summary join tenants t on t.id = summary.tenant_id left join quotas q on q.tenant_id = summary.tenant_id`;
}

export const CLAIM_AND_WRITE_SQL = writeStatement(true);
export const WRITE_SQL = writeStatement(false);

/** Which of the keys a statement tried to claim are ours: those holding the log id we chose. */
export const CLAIMED_BY_US_SQL = `
select k.tenant_id, k.request_id
  from unnest($1::uuid[], $2::text[], $3::uuid[]) as w(tenant_id, request_id, log_id)
  join usage_request_keys k on k.tenant_id = w.tenant_id and k.request_id = w.request_id and k.log_id = w.log_id`;
