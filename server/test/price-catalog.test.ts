import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_USAGE, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/** priceCatalogDiff / applyPriceCatalog: the bundled catalog beside our prices, applied from a date on. */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
});
afterAll(() => server?.close());

const DIFF = `{ priceCatalogDiff { model currentInputPerMillionUsd currentOutputPerMillionUsd catalogInputPerMillionUsd catalogOutputPerMillionUsd currentCachedInputPerMillionUsd catalogCachedInputPerMillionUsd } }`;
const APPLY = `mutation($at: DateTime!) { applyPriceCatalog(effectiveFrom: $at) { model inputPer1kTokens cachedInputPer1kTokens outputPer1kTokens effectiveFrom } }`;

describe('price catalog', () => {
  it('shows what the catalog would change, per million tokens, and nothing where we agree', async () => {
    const diff = (await server.gql(DIFF, {}, admin)).data!.priceCatalogDiff as Record<string, string | null>[];
    // The seeded gpt-4o (5 / 15 per million) is older than the catalog's (2.5 / 10).
    expect(diff.find((c) => c.model === 'gpt-4o')).toMatchObject({ currentInputPerMillionUsd: '5', currentOutputPerMillionUsd: '15', catalogInputPerMillionUsd: '2.5', catalogOutputPerMillionUsd: '10' });
    // gpt-4o-mini is seeded at the catalog's rates: not a change.
    expect(diff.some((c) => c.model === 'gpt-4o-mini')).toBe(false);
    // A model we do not price yet is listed with no current rates.
    expect(diff.filter((c) => c.currentInputPerMillionUsd === null).length).toBeGreaterThan(0);
  });

  it('refuses a date in the past and changes nothing; from a coming date it adds the changed prices, which price calls from then on', async () => {
    const count = async () => (await server.gql(`{ prices(service: OPENAI) { id } }`, {}, admin)).data!.prices.length;
    const before = await count();
    const past = await server.gql(APPLY, { at: new Date(Date.now() - 3_600_000).toISOString() }, admin);
    expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(await count()).toBe(before);

    const diff = (await server.gql(DIFF, {}, admin)).data!.priceCatalogDiff;
    const from = new Date(Date.now() + 60_000);
    const applied = (await server.gql(APPLY, { at: from.toISOString() }, admin)).data!.applyPriceCatalog;
    // Every change, plus the models a new shorter prefix would otherwise reprice (gpt-4o-2024-05-13
    // keeps its catalog price when a new "gpt-4o" row comes in).
    expect(applied.length).toBeGreaterThanOrEqual(diff.length);
    expect(applied.find((p: { model: string }) => p.model === 'gpt-4o-2024-05-13')).toMatchObject({ inputPer1kTokens: '0.005', outputPer1kTokens: '0.015' });
    expect(applied.find((p: { model: string }) => p.model === 'gpt-4o')).toMatchObject({ inputPer1kTokens: '0.0025', cachedInputPer1kTokens: '0.00125', outputPer1kTokens: '0.01', effectiveFrom: from.toISOString() });
    expect(await count()).toBe(before + applied.length);
    // Calls before the date keep the old price; from it, the catalog's.
    const t = await createTenantWithAccess(server, 'Catalog Priced');
    server.clock.set(new Date(from.getTime() + 1_000));
    try {
      const after = await server.gql(RECORD_USAGE, { input: { service: 'OPENAI', model: 'gpt-4o', inputTokens: 1000, outputTokens: 1000, requestId: 'after-catalog' } }, t.apiKey);
      expect(after.data!.recordUsage.log.costUsd).toBe('0.0125');
      // Nothing left to change at that moment.
      expect((await server.gql(DIFF, {}, admin)).data!.priceCatalogDiff).toEqual([]);
    } finally {
      server.clock.set(undefined);
    }
    const before5 = await server.gql(RECORD_USAGE, { input: { service: 'OPENAI', model: 'gpt-4o', inputTokens: 1000, outputTokens: 1000, requestId: 'before-catalog' } }, t.apiKey);
    expect(before5.data!.recordUsage.log.costUsd).toBe('0.02');
    const audit = (await server.gql(`{ auditLog(first: 500) { action } }`, {}, admin)).data!.auditLog.filter((e: { action: string }) => e.action === 'PRICE_ADDED');
    expect(audit.length).toBeGreaterThanOrEqual(diff.length);
  });

  it('is for admins only', async () => {
    const t = await createTenantWithAccess(server, 'Catalog Customer');
    expect((await server.gql(DIFF, {}, t.customerToken)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
