import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTenantWithAccess,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from './harness.js';
import { buildOperation } from './operation-builder.js';
import { expectedCost, generatedInput, type GeneratedInput } from './usage-model.js';

/**
 * recordUsage / recordUsages under generated input, valid and invalid (negative, fractional,
 * huge, NaN-like strings, unicode, deep and oversized JSON, far dates, 1,001-item batches): no
 * internal error ever, every invalid input answered BAD_USER_INPUT naming its field (and index),
 * nothing recorded for it, and every valid one counted exactly once at its contract price.
 */
const SINGLE_RUNS = 1_500;
const BATCH_RUNS = 300;
const RESEND_RUNS = 150;

const RECORD = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { duplicate log { costUsd pricingStatus } } }`;
const RECORD_MANY = `mutation($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { duplicate log { costUsd pricingStatus } } }`;

let server: TestServer;
let apiKey: string;
let tenantId: string;
const tally = { inputs: 0, valid: 0, invalid: 0, internalErrors: 0, cost: new Decimal(0) };
const accepted: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ apiKey, tenantId } = await createTenantWithAccess(server, 'Property tenant'));
});
afterAll(async () => {
  await server?.close();
});

function countInternal(response: GraphQLResponse) {
  tally.internalErrors += (response.errors ?? []).filter(
    (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR',
  ).length;
}

/** A valid input's answer: recorded once, at the contract's price. */
function expectRecorded(
  outcome: { duplicate: boolean; log: { costUsd: string; pricingStatus: string } },
  generated: GeneratedInput,
) {
  const { cost, priced } = expectedCost(generated.input);
  expect(outcome.duplicate).toBe(false);
  expect(outcome.log.pricingStatus).toBe(priced ? 'PRICED' : 'UNPRICED');
  expect(
    new Decimal(outcome.log.costUsd).eq(cost),
    `cost ${outcome.log.costUsd} != ${cost.toFixed()} for ${JSON.stringify(generated.input).slice(0, 300)}`,
  ).toBe(true);
  tally.valid++;
  tally.cost = tally.cost.plus(cost);
  accepted.push(generated.input);
}

describe('recordUsage under generated input', () => {
  it('single calls: valid ones counted exactly, invalid ones BAD_USER_INPUT naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(generatedInput('single'), async (generated) => {
        const response = await server.gql(RECORD, { input: generated.input }, apiKey);
        countInternal(response);
        tally.inputs++;
        if (generated.invalid.size === 0) {
          expect(response.errors, JSON.stringify(generated.input).slice(0, 300)).toBeUndefined();
          expectRecorded(response.data!.recordUsage, generated);
        } else {
          tally.invalid++;
          const error = response.errors?.[0];
          expect(response.data?.recordUsage ?? null).toBeNull();
          expect(
            error?.extensions?.code,
            `${JSON.stringify(response.errors).slice(0, 300)} for ${[...generated.invalid]}`,
          ).toBe('BAD_USER_INPUT');
          expect([...generated.invalid], `${error?.message} (field ${error?.extensions?.field})`).toContain(
            error?.extensions?.field,
          );
        }
      }),
      { numRuns: SINGLE_RUNS, endOnFailure: true },
    );
  });

  it('batches: all valid are all counted; one invalid rejects the batch naming its index and field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(generatedInput('batch'), { minLength: 1, maxLength: 60, size: 'max' }),
        async (items) => {
          // Most batches should be valid, or hardly any valid input would go through batches.
          const batch =
            items.length > 3 && items.some((i) => i.invalid.size === 0) && Math.random() < 0.5
              ? items.filter((i) => i.invalid.size === 0)
              : items;
          const response = await server.gql(RECORD_MANY, { inputs: batch.map((i) => i.input) }, apiKey);
          countInternal(response);
          tally.inputs += batch.length;
          const invalidIndexes = batch.flatMap((item, index) => (item.invalid.size > 0 ? [index] : []));
          if (invalidIndexes.length === 0) {
            expect(response.errors).toBeUndefined();
            expect(response.data!.recordUsages).toHaveLength(batch.length);
            response.data!.recordUsages.forEach((outcome: never, index: number) =>
              expectRecorded(outcome, batch[index]!),
            );
          } else {
            tally.invalid += batch.length;
            const error = response.errors?.[0];
            expect(response.data?.recordUsages ?? null).toBeNull();
            expect(error?.extensions?.code, JSON.stringify(response.errors).slice(0, 300)).toBe(
              'BAD_USER_INPUT',
            );
            expect(invalidIndexes, error?.message).toContain(error?.extensions?.index);
            expect([...batch[error!.extensions!.index]!.invalid], error?.message).toContain(
              error?.extensions?.field,
            );
          }
        },
      ),
      { numRuns: BATCH_RUNS, endOnFailure: true },
    );
  });

  it('a batch of 1,000 valid inputs is recorded; 1,001 are refused whole', async () => {
    const valid = fc.sample(
      generatedInput('big').filter((g) => g.invalid.size === 0),
      1_001,
    );
    for (const size of [1_001, 1_001]) {
      const response = await server.gql(
        RECORD_MANY,
        {
          inputs: valid
            .slice(0, size)
            .map((g) => ({ ...g.input, requestId: `${g.input.requestId}-${size}` })),
        },
        apiKey,
      );
      countInternal(response);
      tally.inputs += size;
      tally.invalid += size;
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs' });
    }
    const response = await server.gql(
      RECORD_MANY,
      { inputs: valid.slice(0, 1_000).map((g) => g.input) },
      apiKey,
    );
    countInternal(response);
    tally.inputs += 1_000;
    expect(response.errors).toBeUndefined();
    response.data!.recordUsages.forEach((outcome: never, index: number) =>
      expectRecorded(outcome, valid[index]!),
    );
  });

  it('resending an accepted input counts nothing; changing its body is IDEMPOTENCY_CONFLICT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), async (pick, change) => {
        const input = accepted[pick % accepted.length]!;
        const body = change ? { ...input, status: input.status === 'ERROR' ? 'SUCCESS' : 'ERROR' } : input;
        const response = await server.gql(RECORD, { input: body }, apiKey);
        countInternal(response);
        tally.inputs++;
        if (change) expect(response.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
        else expect(response.data?.recordUsage.duplicate).toBe(true);
      }),
      { numRuns: RESEND_RUNS },
    );
  });

  it('the ledger holds exactly the valid inputs: counts and cost to the last digit, in logs and summaries', async () => {
    const client = new pg.Client({ connectionString: server.database.url });
    await client.connect();
    const logs = await client.query(
      `select count(*)::int as n, coalesce(sum(cost_usd), 0)::text as cost from usage_logs where tenant_id = $1`,
      [tenantId],
    );
    const summaries = await client.query(
      `select coalesce(sum(total_api_calls), 0)::int as n, coalesce(sum(total_cost_usd), 0)::text as cost from monthly_summaries where tenant_id = $1`,
      [tenantId],
    );
    const rollups = await client.query(
      `select coalesce(sum(api_calls), 0)::int as n, coalesce(sum(cost_usd), 0)::text as cost from daily_rollups where tenant_id = $1`,
      [tenantId],
    );
    await client.end();
    console.log(
      `property: ${tally.inputs} inputs (${tally.valid} valid, ${tally.invalid} invalid), internal errors = ${tally.internalErrors}, ` +
        `logs ${logs.rows[0].n} (expected ${tally.valid}), cost ${logs.rows[0].cost} (expected ${tally.cost.toFixed()})`,
    );
    expect(tally.inputs).toBeGreaterThanOrEqual(10_000);
    expect(tally.internalErrors).toBe(0);
    for (const row of [logs.rows[0], summaries.rows[0], rollups.rows[0]]) {
      expect(row.n).toBe(tally.valid);
      expect(new Decimal(row.cost).eq(tally.cost), `${row.cost} != ${tally.cost.toFixed()}`).toBe(true);
    }
  });
});

describe('every argument of every root field with text PostgreSQL cannot store, or malformed ids', () => {
  it('answers BAD_USER_INPUT naming the field, never an internal error, and changes nothing', async () => {
    const admin = (
      await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: ADMIN.email,
        p: ADMIN.password,
      })
    ).data!.login.token as string;
    const schema = buildClientSchema((await server.gql(getIntrospectionQuery(), {}, admin)).data as never);
    const fields = (['query', 'mutation'] as const).flatMap((root) => {
      const type = (root === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
      return Object.values(type.getFields()).map((field) => ({ root, field }));
    });
    const rows = async () =>
      (
        await server.services.db.pool.query(
          `select (select json_agg(t order by id)::text from tenants t) || (select coalesce(json_agg(k.name order by k.id), '[]')::text from api_keys k)
           || (select json_agg(u.email order by u.id)::text from users u) || (select count(*)::text from prices) || (select count(*)::text from audit_entries) as snapshot`,
        )
      ).rows[0].snapshot as string;
    const ids = {
      tenant: tenantId,
      alert: tenantId,
      apiKey: tenantId,
      user: tenantId,
      log: tenantId,
      cursor: 'probe',
      name: 'probe',
    };
    const before = await rows();
    const counts = { operations: 0, internal: 0, unnamed: 0, accepted: [] as string[] };
    for (const bad of ['nul \u0000 inside', 'half \uD800 surrogate', '\uDFFF']) {
      for (const { root, field } of fields) {
        const op = buildOperation(root, field, ids, 'tenant', 'victim', 1, bad);
        if (!op.document.includes('$')) continue; // no text to carry
        if (!JSON.stringify(op.variables).includes(JSON.stringify(bad).slice(1, -1))) continue;
        const response = await server.gql(op.document, op.variables, admin);
        counts.operations++;
        const error = response.errors?.[0];
        if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR') counts.internal++;
        if (!error) counts.accepted.push(field.name);
        else if (error.extensions?.code === 'BAD_USER_INPUT' && !error.extensions.field) counts.unnamed++;
      }
    }
    const after = await rows();
    // Malformed ids (not UUIDs) reach the database in some paths: refused as bad input there.
    const malformed = { ...ids, tenant: 'not-a-uuid', alert: 'x', apiKey: 'x', user: 'x', log: 'x' };
    for (const { root, field } of fields) {
      if (field.name === 'logout') continue;
      const op = buildOperation(root, field, malformed, 'tenant');
      const response = await server.gql(op.document, op.variables, admin);
      counts.operations++;
      if (response.errors?.[0]?.extensions?.code === 'INTERNAL_SERVER_ERROR') counts.internal++;
    }
    console.log(
      `bad text: ${counts.operations} operations, internal errors = ${counts.internal}, BAD_USER_INPUT without field = ${counts.unnamed}, accepted = ${JSON.stringify(counts.accepted)}`,
    );
    expect(counts.internal).toBe(0);
    expect(counts.unnamed).toBe(0);
    expect(counts.accepted).toEqual([]);
    expect(after).toBe(before);
  });
});
