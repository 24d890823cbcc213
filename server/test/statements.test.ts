import { randomUUID } from 'node:crypto';
import { Decimal } from 'decimal.js';
import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Maintenance } from '../src/maintenance.js';
import { ADMIN, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

/**
 * Statements on real PostgreSQL: lines and totals from the rollups, finalization (by an admin and
 * by the hourly maintenance) with gap-free numbers under concurrent instances, FINAL statements
 * frozen while later voids and late events become adjustment lines, downloads, and bad input.
 */
let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
});
afterAll(() => server?.close());
// Each test starts at the real time (tenants are created with the harness's admin session), then moves the clock.
beforeEach(() => server.clock.set(undefined));

export const STATEMENT_FIELDS = `id number period status totalUsd finalizedAt pdfUrl csvUrl tenant { id name } lines { service model units unit apiCalls amountUsd adjustmentOf }`;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { log { id occurredAt costUsd } } }`;
const FINALIZE = `mutation($t: ID!, $p: String!) { finalizeStatement(tenantId: $t, period: $p) { ${STATEMENT_FIELDS} } }`;
const LIST = `query($t: ID, $n: Int! = 24) { statements(tenantId: $t, first: $n) { ${STATEMENT_FIELDS} } }`;
const ONE = `query($id: ID!) { statement(id: $id) { ${STATEMENT_FIELDS} } }`;
const VOID = `mutation($id: ID!, $at: DateTime) { voidUsage(id: $id, reason: "recorded twice", occurredAt: $at) { id } }`;

let sequence = 0;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
/** Moves the server's clock; sessions age with it, so the admin signs in again. */
async function at(iso: string) {
  server.clock.set(iso);
  admin = (await server.gql(LOGIN, { e: ADMIN.email, p: ADMIN.password })).data!.login.token;
}
/** A fresh session of the tenant's customer user at the current clock. */
const customer = async (t: { email: string; password: string }) => (await server.gql(LOGIN, { e: t.email, p: t.password })).data!.login.token as string;
const gpt4 = (occurredAt: string, inputTokens = 150, outputTokens = 450) => ({ service: 'OPENAI', model: 'gpt-4', inputTokens, outputTokens, occurredAt, requestId: `st-${sequence++}` });
const voice = (occurredAt: string, characters = 1200) => ({ service: 'ELEVENLABS', characters, occurredAt, requestId: `st-${sequence++}` });
const call = (occurredAt: string, durationSeconds = 330) => ({ service: 'SMARTFLO', durationSeconds, occurredAt, requestId: `st-${sequence++}` });

async function ok(query: string, variables: Record<string, unknown>, token = admin) {
  const response = await server.gql(query, variables, token);
  if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
  return response.data!;
}
const errorOf = async (query: string, variables: Record<string, unknown>, token = admin) => (await server.gql(query, variables, token)).errors?.[0]?.extensions;
const record = async (token: string, inputs: Record<string, unknown>[]) => (await ok(BATCH, { i: inputs }, token)).recordUsages.map((r: any) => r.log);
const statementOf = async (tenantId: string, period: string) => (await ok(ONE, { id: `${tenantId}:${period}` })).statement;
const summaryCost = async (tenantId: string, period: string) =>
  new Decimal((await server.services.db.pool.query(`select coalesce(sum(total_cost_usd), 0)::text as cost from monthly_summaries where tenant_id = $1 and period = $2::date`, [tenantId, `${period}-01`])).rows[0].cost);
const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

describe('statements', () => {
  it('OPEN lines by service and model with their units, total = the monthly summary; finalize freezes it once with a number and one audit entry', async () => {
    const t = await createTenantWithAccess(server, 'Statement Lines');
    await at('2026-10-20T12:00:00Z');
    await record(t.apiKey, [gpt4('2026-10-02T10:00:00Z'), gpt4('2026-10-15T10:00:00Z', 1000, 0), voice('2026-10-03T00:00:00Z'), call('2026-10-04T00:00:00Z'), call('2026-10-05T00:00:00Z', 45)]);
    const open = await statementOf(t.tenantId, '2026-10');
    expect(open).toMatchObject({ id: `${t.tenantId}:2026-10`, number: null, status: 'OPEN', period: '2026-10', finalizedAt: null, tenant: { id: t.tenantId, name: 'Statement Lines' } });
    expect(open.pdfUrl).toBe(`/export/statements/${t.tenantId}/2026-10.pdf`);
    expect(open.lines).toEqual([
      { service: 'ELEVENLABS', model: null, units: 1200, unit: 'characters', apiCalls: 1, amountUsd: expect.any(String), adjustmentOf: null },
      { service: 'OPENAI', model: 'gpt-4', units: 1600, unit: 'tokens', apiCalls: 2, amountUsd: '0.0615', adjustmentOf: null },
      { service: 'SMARTFLO', model: null, units: 6.25, unit: 'minutes', apiCalls: 2, amountUsd: expect.any(String), adjustmentOf: null },
    ]);
    expect(sum(open.lines.map((l: any) => l.amountUsd)).eq(open.totalUsd)).toBe(true);
    expect((await summaryCost(t.tenantId, '2026-10')).eq(open.totalUsd)).toBe(true);

    // Not over yet: refused, nothing frozen.
    expect(await errorOf(FINALIZE, { t: t.tenantId, p: '2026-10' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    await at('2026-11-01T00:00:00Z');
    const final = (await ok(FINALIZE, { t: t.tenantId, p: '2026-10' })).finalizeStatement;
    expect(final).toMatchObject({ status: 'FINAL', number: expect.stringMatching(/^UM-2026-10-\d{4}$/), totalUsd: open.totalUsd, lines: open.lines, finalizedAt: '2026-11-01T00:00:00.000Z' });
    const again = (await ok(FINALIZE, { t: t.tenantId, p: '2026-10' })).finalizeStatement;
    expect(again).toEqual(final);
    const audit = await server.services.db.pool.query(`select actor_email, changes from audit_entries where action = 'STATEMENT_FINALIZED' and tenant_id = $1`, [t.tenantId]);
    expect(audit.rows).toEqual([{ actor_email: 'admin@test.example', changes: { status: 'FINAL', number: final.number, totalUsd: open.totalUsd } }]);
    // The customer sees it in its list, newest first, as the admin does.
    expect((await ok(LIST, {}, (await customer(t)))).statements).toEqual([final]);
    expect((await ok(LIST, { t: t.tenantId })).statements).toEqual([final]);
    // Narrowed by month and status, in SQL.
    const FILTERED = `query($t: ID, $p: String, $s: StatementStatus) { statements(tenantId: $t, period: $p, status: $s) { id status } }`;
    expect((await ok(FILTERED, { t: t.tenantId, p: '2026-10', s: 'FINAL' })).statements).toEqual([{ id: final.id, status: 'FINAL' }]);
    expect((await ok(FILTERED, { t: t.tenantId, p: '2026-10', s: 'OPEN' })).statements).toEqual([]);
    expect((await ok(FILTERED, { t: t.tenantId, p: '2026-09' })).statements).toEqual([]);
    expect(await errorOf(FILTERED, { p: 'October' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('a FINAL statement never changes: a later void and a late event become adjustment lines on the next OPEN statement, which freezes them once', async () => {
    const t = await createTenantWithAccess(server, 'Statement Adjustments');
    await at('2026-11-20T12:00:00Z');
    const [first, duplicate] = await record(t.apiKey, [gpt4('2026-11-02T10:00:00Z'), gpt4('2026-11-02T10:00:01Z'), voice('2026-11-10T00:00:00Z')]);
    await at('2026-12-01T09:00:00Z');
    const final = (await ok(FINALIZE, { t: t.tenantId, p: '2026-11' })).finalizeStatement;

    // December's own usage, then a void and a late event in November.
    await record(t.apiKey, [call('2026-12-01T08:00:00Z')]);
    await ok(VOID, { id: duplicate.id, at: duplicate.occurredAt });
    const [late] = await record(t.apiKey, [gpt4('2026-11-30T23:00:00Z', 1000, 1000), voice('2026-11-29T00:00:00Z', 100)]);
    expect(await statementOf(t.tenantId, '2026-11')).toEqual(final);

    const december = await statementOf(t.tenantId, '2026-12');
    expect(december.status).toBe('OPEN');
    const adjustments = december.lines.filter((l: any) => l.adjustmentOf);
    expect(adjustments).toEqual([
      { service: 'ELEVENLABS', model: null, units: 100, unit: 'characters', apiCalls: 1, amountUsd: expect.any(String), adjustmentOf: '2026-11' },
      { service: 'OPENAI', model: 'gpt-4', units: 1400, unit: 'tokens', apiCalls: 0, amountUsd: new Decimal(late.costUsd).minus(duplicate.costUsd).toFixed(), adjustmentOf: '2026-11' },
    ]);
    // Total = December's charged cost + the adjustments; November's summary moved by exactly the adjustments.
    const decemberCost = await summaryCost(t.tenantId, '2026-12');
    expect(decemberCost.plus(sum(adjustments.map((l: any) => l.amountUsd))).eq(december.totalUsd)).toBe(true);
    expect((await summaryCost(t.tenantId, '2026-11')).eq(new Decimal(final.totalUsd).plus(sum(adjustments.map((l: any) => l.amountUsd))))).toBe(true);
    expect(first.costUsd).toBe(duplicate.costUsd);

    // December frozen with them; January shows none again.
    await at('2027-01-01T00:00:00Z');
    const frozen = (await ok(FINALIZE, { t: t.tenantId, p: '2026-12' })).finalizeStatement;
    expect(frozen.lines).toEqual(december.lines);
    expect(frozen.totalUsd).toBe(december.totalUsd);
    await record(t.apiKey, [call('2027-01-01T00:00:00Z')]);
    expect((await statementOf(t.tenantId, '2027-01')).lines.filter((l: any) => l.adjustmentOf)).toEqual([]);
    // A void of the late event now corrects November again, on January's statement.
    await ok(VOID, { id: late.id, at: late.occurredAt });
    const january = await statementOf(t.tenantId, '2027-01');
    expect(january.lines.filter((l: any) => l.adjustmentOf)).toEqual([
      { service: 'OPENAI', model: 'gpt-4', units: -2000, unit: 'tokens', apiCalls: -1, amountUsd: `-${late.costUsd}`, adjustmentOf: '2026-11' },
    ]);
    expect((await statementOf(t.tenantId, '2026-12')).totalUsd).toBe(frozen.totalUsd);
    // Over all statements nothing is lost or counted twice: their totals add up to the summaries'.
    const all = (await ok(LIST, { t: t.tenantId })).statements;
    const summaries = sum(await Promise.all(['2026-11', '2026-12', '2027-01'].map(async (p) => (await summaryCost(t.tenantId, p)).toFixed())));
    expect(sum(all.map((s: any) => s.totalUsd)).eq(summaries)).toBe(true);
  });

  it('two server instances finalizing the same month at once give it one number; numbers are gap-free over 100 tenants finalized concurrently', async () => {
    const second = await startTestServer({ database: server.database });
    try {
      await at('2026-09-15T00:00:00Z');
      second.clock.set('2026-09-15T00:00:00Z');
      const tenants: string[] = [];
      for (let i = 0; i < 100; i++) tenants.push((await ok(`mutation($n: String!) { createTenant(input: { name: $n }) { id } }`, { n: `Numbered ${String(i).padStart(3, '0')}` })).createTenant.id);
      await ok(BATCH, { i: tenants.map((tenantId) => ({ ...gpt4('2026-09-10T00:00:00Z'), tenantId })) });
      await at('2026-10-02T00:00:00Z');
      second.clock.set('2026-10-02T00:00:00Z');
      const secondAdmin = await second.adminToken();
      // Every tenant finalized by both instances at once.
      const answers = await Promise.all(
        tenants.flatMap((tenantId) => [
          server.gql(FINALIZE, { t: tenantId, p: '2026-09' }, admin),
          second.gql(FINALIZE, { t: tenantId, p: '2026-09' }, secondAdmin),
        ]),
      );
      expect(answers.filter((a) => a.errors)).toEqual([]);
      for (let i = 0; i < tenants.length; i++) expect(answers[2 * i]!.data!.finalizeStatement.number).toBe(answers[2 * i + 1]!.data!.finalizeStatement.number);
      const numbers = answers.filter((_, i) => i % 2 === 0).map((a) => a.data!.finalizeStatement.number).sort();
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => `UM-2026-09-${String(i + 1).padStart(4, '0')}`));
      const { rows } = await server.services.db.pool.query(`select (select last_number from statement_number_counters where period = '2026-09') as last, (select count(*)::int from statements where period = '2026-09') as issued`);
      expect(rows[0]).toEqual({ last: 100, issued: 100 });
      const audits = await server.services.db.pool.query(`select count(*)::int as n from audit_entries where action = 'STATEMENT_FINALIZED' and tenant_id = any($1::uuid[])`, [tenants]);
      expect(audits.rows[0].n).toBe(100);
    } finally {
      await second.close();
    }
  });

  it('a finalization that rolls back gives its number back', async () => {
    const [a, b] = [await createTenantWithAccess(server, 'Rollback A'), await createTenantWithAccess(server, 'Rollback B')];
    await at('2026-08-10T00:00:00Z');
    await record(a.apiKey, [gpt4('2026-08-01T00:00:00Z')]);
    await record(b.apiKey, [gpt4('2026-08-01T00:00:00Z')]);
    await at('2026-09-01T00:00:00Z');
    // A's statement row cannot be inserted (a trigger refuses it) after its number was taken.
    const pool = server.services.db.pool;
    await pool.query(`create function refuse_statement() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`);
    await pool.query(`create trigger refuse_statement before insert on statements for each row when (new.tenant_id = '${a.tenantId}') execute function refuse_statement()`);
    try {
      expect(await errorOf(FINALIZE, { t: a.tenantId, p: '2026-08' })).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      await pool.query(`drop trigger refuse_statement on statements; drop function refuse_statement()`);
    }
    expect((await ok(FINALIZE, { t: b.tenantId, p: '2026-08' })).finalizeStatement.number).toBe('UM-2026-08-0001');
    expect((await ok(FINALIZE, { t: a.tenantId, p: '2026-08' })).finalizeStatement.number).toBe('UM-2026-08-0002');
  });

  it('the hourly maintenance finalizes the months past their 35-day window, also with two instances at once, and no other', async () => {
    const t = await createTenantWithAccess(server, 'Statement Window');
    await at('2026-07-20T00:00:00Z');
    await record(t.apiKey, [voice('2026-07-01T00:00:00Z')]);
    await at('2026-08-03T00:00:00Z');
    await record(t.apiKey, [voice('2026-08-02T00:00:00Z')]);
    // July ends 2026-08-01: its window closes on 2026-09-05.
    const maintenance = () => new Maintenance(server.services.db.pool, server.clock, pino({ level: 'silent' }), 3650, { statements: server.services.statements });
    await at('2026-09-04T23:00:00Z');
    expect(await maintenance().run()).toBeDefined();
    expect((await statementOf(t.tenantId, '2026-07')).status).toBe('OPEN');
    await at('2026-09-05T00:00:00Z');
    expect(await maintenance().run()).toBeDefined();
    const july = await statementOf(t.tenantId, '2026-07');
    expect(july).toMatchObject({ status: 'FINAL', number: 'UM-2026-07-0001', finalizedAt: '2026-09-05T00:00:00.000Z' });
    expect((await statementOf(t.tenantId, '2026-08')).status).toBe('OPEN');
    // Instances at once (the maintenance and two more finalizers): August gets one statement.
    await at('2026-10-06T00:00:00Z');
    await Promise.all([maintenance().run(), server.services.statements.finalizeDue(), server.services.statements.finalizeDue()]);
    expect((await statementOf(t.tenantId, '2026-08')).number).toMatch(/^UM-2026-08-\d{4}$/);
    const numbers = await server.services.db.pool.query(`select number from statements where period = '2026-08' order by number`);
    expect(numbers.rows.map((r) => r.number)).toEqual(['UM-2026-08-0001', 'UM-2026-08-0002', 'UM-2026-08-0003']);
    // The server's own finalization is not an admin's change: no audit entry.
    expect((await server.services.db.pool.query(`select count(*)::int as n from audit_entries where action = 'STATEMENT_FINALIZED' and tenant_id = $1`, [t.tenantId])).rows[0].n).toBe(0);
  });

  it('refuses bad input with a stable code and changes nothing; customers and keys cannot finalize nor see another tenant', async () => {
    const [a, b] = [await createTenantWithAccess(server, 'Refusals A'), await createTenantWithAccess(server, 'Refusals B')];
    await at('2026-11-05T00:00:00Z');
    await record(b.apiKey, [gpt4('2026-11-01T00:00:00Z')]);
    await at('2026-12-10T00:00:00Z');
    const before = (await server.services.db.pool.query(`select (select count(*) from statements)::int as s, (select count(*) from statement_lines)::int as l, (select coalesce(sum(last_number), 0)::int from statement_number_counters) as n, (select count(*) from audit_entries)::int as a`)).rows[0];
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: '2026-13' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: 'November' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: '2026-12' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: '2027-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    // A month without usage has no statement to finalize.
    expect(await errorOf(FINALIZE, { t: a.tenantId, p: '2026-11' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await errorOf(FINALIZE, { t: randomUUID(), p: '2026-11' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
    expect(await errorOf(FINALIZE, { t: 'not-a-tenant', p: '2026-11' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: '2026-11' }, (await customer(b)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(FINALIZE, { t: b.tenantId, p: '2026-11' }, b.apiKey)).toMatchObject({ code: 'FORBIDDEN' });
    const LIGHT = `query($n: Int!) { statements(first: $n) { id number } }`;
    expect(await errorOf(LIGHT, { n: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await errorOf(LIGHT, { n: 201 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await errorOf(LIST, { t: 'not-a-tenant' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantId' });
    const after = (await server.services.db.pool.query(`select (select count(*) from statements)::int as s, (select count(*) from statement_lines)::int as l, (select coalesce(sum(last_number), 0)::int from statement_number_counters) as n, (select count(*) from audit_entries)::int as a`)).rows[0];
    expect(after).toEqual(before);

    // Another tenant's statements: FORBIDDEN by tenantId or id, nothing of it in the answer.
    for (const token of [(await customer(a))]) {
      const byTenant = await server.gql(LIST, { t: b.tenantId }, token);
      expect(byTenant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const byId = await server.gql(ONE, { id: `${b.tenantId}:2026-11` }, token);
      expect(byId.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify([byTenant, byId])).not.toContain('Refusals B');
      expect((await ok(LIST, {}, token)).statements).toEqual([]);
    }
    expect(await errorOf(LIST, {}, b.apiKey)).toMatchObject({ code: 'FORBIDDEN' });
    // Unknown or malformed ids, and months without a statement, are null.
    expect((await ok(ONE, { id: 'nonsense' })).statement).toBeNull();
    expect((await ok(ONE, { id: `${a.tenantId}:2026-11` }, (await customer(a)))).statement).toBeNull();
    expect((await ok(ONE, { id: `${b.tenantId}:2026-11` }, (await customer(b)))).statement.status).toBe('OPEN');
  });

  it('downloads a printable PDF and a CSV with the lines and totals; another tenant, a key or no credential gets no data', async () => {
    const [a, b] = [await createTenantWithAccess(server, 'Download A'), await createTenantWithAccess(server, 'Download Bee Corp')];
    await at('2026-06-20T00:00:00Z');
    await record(b.apiKey, [gpt4('2026-06-01T00:00:00Z'), voice('2026-06-02T00:00:00Z', 5000), call('2026-06-03T00:00:00Z', 90)]);
    await at('2026-07-01T00:00:00Z');
    const final = (await ok(FINALIZE, { t: b.tenantId, p: '2026-06' })).finalizeStatement;
    const get = (path: string, token?: string) => fetch(`${server.httpUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    for (const token of [admin, (await customer(b))]) {
      const pdf = await get(final.pdfUrl, token);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      const document = await getDocumentProxy(bytes);
      const { text } = await extractText(document, { mergePages: true });
      for (const expected of ['Usage Monitor', 'Download Bee Corp', '2026-06', final.number, 'FINAL', '2026-07-01', 'gpt-4', '600 tokens', '5000 characters', '1.50 minutes', 'Total (USD)', `${final.totalUsd}`]) expect(text).toContain(expected);
    }
    const csv = await get(final.csvUrl, (await customer(b)));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe('statement,tenant,period,status,service,model,units,unit,api_calls,amount_usd,adjustment_of');
    expect(rows.slice(1)).toEqual([
      ...final.lines.map((l: any) => `${final.number},Download Bee Corp,2026-06,FINAL,${l.service},${l.model ?? '(none)'},${l.unit === 'minutes' ? l.units.toFixed(2) : l.units},${l.unit},${l.apiCalls},${new Decimal(l.amountUsd).toFixed(Math.max(2, l.amountUsd.split('.')[1]?.length ?? 0))},`),
      `${final.number},Download Bee Corp,2026-06,FINAL,TOTAL,,,,,${new Decimal(final.totalUsd).toFixed(Math.max(2, final.totalUsd.split('.')[1]?.length ?? 0))},`,
    ]);
    // An OPEN statement says so instead of a number.
    await at('2026-07-02T00:00:00Z');
    await record(b.apiKey, [gpt4('2026-07-01T00:00:00Z')]);
    const openPdf = await get(`/export/statements/${b.tenantId}/2026-07.pdf`, admin);
    const { text: openText } = await extractText(await getDocumentProxy(new Uint8Array(await openPdf.arrayBuffer())), { mergePages: true });
    expect(openText).toContain('OPEN — not final');

    // Another tenant's customer, a key, nobody: refused with no data, for an existing and a missing statement alike.
    for (const path of [final.pdfUrl, final.csvUrl, `/export/statements/${b.tenantId}/2020-01.pdf`]) {
      const refused = await get(path, (await customer(a)));
      expect(refused.status).toBe(403);
      const body = await refused.text();
      expect(body).not.toContain('Download Bee Corp');
      expect(body).not.toContain(final.number);
      expect((await get(path, b.apiKey)).status).toBe(403);
      expect((await get(path)).status).toBe(401);
    }
    expect((await get(`/export/statements/${b.tenantId}/2020-01.pdf`, admin)).status).toBe(404);
    expect((await get(`/export/statements/${b.tenantId}/2026-06.docx`, admin)).status).toBe(404);
    expect((await get(`/export/statements/not-a-tenant/2026-06.pdf`, admin)).status).toBe(404);
  });
});
