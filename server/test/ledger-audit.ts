import pg from 'pg';

/**
 * The ledger's own consistency, in SQL: every acknowledged requestId exactly once in usage_logs,
 * and every summary and rollup equal to the sums over the logs (numeric, so to the last digit).
 */
export async function auditLedger(
  databaseUrl: string,
  tenantIds: string[],
  acknowledged: Map<string, string>,
) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: logRows } = await client.query<{ tenant_id: string; request_id: string; n: number }>(
      `select tenant_id, request_id, count(*)::int as n from usage_logs where tenant_id = any($1::uuid[]) group by tenant_id, request_id`,
      [tenantIds],
    );
    const counts = new Map(logRows.map((r) => [`${r.tenant_id}|${r.request_id}`, r.n]));
    let lost = 0;
    for (const [requestId, tenantId] of acknowledged) if (!counts.has(`${tenantId}|${requestId}`)) lost++;
    const doubleCounted = logRows.filter((r) => r.n > 1).reduce((sum, r) => sum + r.n - 1, 0);
    const { rows: keyRows } = await client.query(
      `select count(*)::int as n from usage_request_keys k where k.tenant_id = any($1::uuid[])
         and not exists (select 1 from usage_logs l where l.tenant_id = k.tenant_id and l.id = k.log_id and l.occurred_at = k.occurred_at)`,
      [tenantIds],
    );
    const { rows: summaryRows } = await client.query(
      `with sums as (
         select tenant_id, date_trunc('month', occurred_at at time zone 'UTC')::date as period,
                count(*) as calls, count(*) filter (where status = 'ERROR') as errors,
                count(*) filter (where pricing_status = 'UNPRICED') as unpriced, sum(cost_usd) as cost,
                coalesce(sum(input_tokens) filter (where service = 'OPENAI'), 0) as input_tokens,
                coalesce(sum(output_tokens) filter (where service = 'OPENAI'), 0) as output_tokens,
                coalesce(sum(characters) filter (where service = 'ELEVENLABS'), 0) as el_chars,
                coalesce(sum(duration_seconds) filter (where service = 'SMARTFLO'), 0) as sf_seconds
           from usage_logs where tenant_id = any($1::uuid[]) group by 1, 2)
       select count(*)::int as mismatched from sums s full join (select * from monthly_summaries where tenant_id = any($1::uuid[])) m
         on m.tenant_id = s.tenant_id and m.period = s.period
        where m.total_api_calls is distinct from s.calls or m.error_calls is distinct from s.errors
           or m.unpriced_calls is distinct from s.unpriced or m.total_cost_usd is distinct from s.cost
           or m.openai_input_tokens is distinct from s.input_tokens or m.openai_output_tokens is distinct from s.output_tokens
           or m.elevenlabs_characters is distinct from s.el_chars or m.smartflo_seconds is distinct from s.sf_seconds
           or m.total_cost_usd is distinct from (m.openai_cost_usd + m.elevenlabs_cost_usd + m.smartflo_cost_usd)`,
      [tenantIds],
    );
    const { rows: rollupRows } = await client.query(
      `with sums as (
         select tenant_id, (occurred_at at time zone 'UTC')::date as day, service, coalesce(model, '') as model,
                count(*) as calls, count(*) filter (where status = 'ERROR') as errors, sum(cost_usd) as cost
           from usage_logs where tenant_id = any($1::uuid[]) group by 1, 2, 3, 4)
       select count(*)::int as mismatched from sums s full join (select * from daily_rollups where tenant_id = any($1::uuid[])) r
         on r.tenant_id = s.tenant_id and r.day = s.day and r.service = s.service and r.model = s.model
        where r.api_calls is distinct from s.calls or r.error_calls is distinct from s.errors or r.cost_usd is distinct from s.cost`,
      [tenantIds],
    );
    const { rows: totals } = await client.query(
      `select count(*)::int as logs, coalesce(sum(cost_usd), 0)::text as cost from usage_logs where tenant_id = any($1::uuid[])`,
      [tenantIds],
    );
    return {
      acknowledged: acknowledged.size,
      logs: totals[0].logs as number,
      costUsd: totals[0].cost as string,
      lost,
      doubleCounted,
      keysWithoutLog: keyRows[0].n as number,
      summaryMismatches: summaryRows[0].mismatched as number,
      rollupMismatches: rollupRows[0].mismatched as number,
    };
  } finally {
    await client.end();
  }
}
