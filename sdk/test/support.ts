import type { TestServer } from '../../server/test/harness.js';

/** The tenant's totals for the current month, read back through the API as its customer. */
export async function currentTotals(server: TestServer, customerToken: string) {
  const response = await server.gql(
    `{ monthlySummaries { totalApiCalls totalCostUsd openaiInputTokens openaiOutputTokens errorCalls } usageLogs(first: 1) { totalCount } }`,
    {},
    customerToken,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const summary = response.data!.monthlySummaries[0] ?? {
    totalApiCalls: 0,
    totalCostUsd: '0',
    openaiInputTokens: 0,
    openaiOutputTokens: 0,
    errorCalls: 0,
  };
  return { ...summary, logCount: response.data!.usageLogs.totalCount as number };
}

/** Rows and distinct requestIds in usage_logs for a tenant, straight from SQL. */
export async function logRows(
  server: TestServer,
  tenantId: string,
): Promise<{ rows: number; requestIds: number }> {
  const { rows } = await server.services.db.pool.query(
    'select count(*)::int as rows, count(distinct request_id)::int as request_ids from usage_logs where tenant_id = $1',
    [tenantId],
  );
  return { rows: rows[0].rows, requestIds: rows[0].request_ids };
}
