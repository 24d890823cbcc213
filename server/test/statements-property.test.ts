import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';
import { expectedCost } from './usage-model.js';

/**
 * Statements under generated histories: events in the current month and late ones in the month
 * before, voids of any earlier event, finalizations by an admin and by the server (a month past its
 * window), and the clock moving on. An independent model, written from api-contract-next.md and not
 * from the service, says what every statement holds: a FINAL one what it held when finalized, an
 * OPEN one its month's usage plus, for each FINAL month it is the next open statement of, what that
 * month holds now less everything already stated for it. Costs come from usage-model.ts.
 */
const RUNS = 20;

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

type Kind = 'gpt' | 'voice' | 'call';
type Action =
  | { type: 'record'; kind: Kind; amount: number; late: boolean }
  | { type: 'void'; pick: number }
  | { type: 'finalize'; back: number }
  | { type: 'advance'; days: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('record' as const), kind: fc.constantFrom<Kind>('gpt', 'voice', 'call'), amount: fc.integer({ min: 1, max: 5000 }), late: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('finalize' as const), back: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('advance' as const), days: fc.integer({ min: 5, max: 40 }) }) },
);

interface ModelEvent {
  id: string;
  occurredAt: string;
  month: string;
  key: string;
  service: string;
  model: string | null;
  units: Decimal;
  cost: Decimal;
  voided: boolean;
}
interface Line {
  service: string;
  model: string | null;
  unit: string;
  units: Decimal;
  apiCalls: number;
  amountUsd: Decimal;
  adjustmentOf: string | null;
}

const monthOf = (at: Date) => at.toISOString().slice(0, 7);
const prevMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 1);
};

/** The model's statements of one tenant. */
class StatementModel {
  events: ModelEvent[] = [];
  /** Frozen statements: what each held when finalized. */
  final = new Map<string, Line[]>();

  private live(month: string): Map<string, Line> {
    const lines = new Map<string, Line>();
    for (const e of this.events.filter((x) => x.month === month && !x.voided)) {
      const line = lines.get(e.key) ?? { service: e.service, model: e.model, unit: unitOf(e.service), units: new Decimal(0), apiCalls: 0, amountUsd: new Decimal(0), adjustmentOf: null };
      line.units = line.units.plus(e.units);
      line.apiCalls++;
      line.amountUsd = line.amountUsd.plus(e.cost);
      lines.set(e.key, line);
    }
    return lines;
  }

  hasUsage(month: string) {
    return this.events.some((e) => e.month === month && !e.voided);
  }

  months(): string[] {
    return [...new Set([...this.events.filter((e) => !e.voided).map((e) => e.month), ...this.final.keys()])].sort();
  }

  /** Everything stated so far for a month: its own lines and every adjustment of it. */
  private stated(month: string): Map<string, Line> {
    const total = new Map<string, Line>();
    for (const [period, lines] of this.final) {
      for (const line of lines) {
        if ((line.adjustmentOf ?? period) !== month) continue;
        const key = `${line.service}|${line.model ?? ''}`;
        const at = total.get(key) ?? { ...line, units: new Decimal(0), apiCalls: 0, amountUsd: new Decimal(0), adjustmentOf: null };
        at.units = at.units.plus(line.units);
        at.apiCalls += line.apiCalls;
        at.amountUsd = at.amountUsd.plus(line.amountUsd);
        total.set(key, at);
      }
    }
    return total;
  }

  statement(month: string): Line[] {
    if (this.final.has(month)) return this.final.get(month)!;
    const own = [...this.live(month).values()].filter((l) => l.apiCalls !== 0 || !l.units.isZero() || !l.amountUsd.isZero()).sort(byKey);
    const open = this.months().filter((m) => !this.final.has(m) && this.hasUsage(m));
    const corrected = [...this.final.keys()].filter((m) => open.filter((o) => o > m).sort()[0] === month).sort();
    const adjustments: Line[] = [];
    for (const m of corrected) {
      const now = this.live(m);
      const stated = this.stated(m);
      for (const key of [...new Set([...now.keys(), ...stated.keys()])].sort()) {
        const a = now.get(key);
        const b = stated.get(key);
        const line = {
          service: (a ?? b)!.service,
          model: (a ?? b)!.model,
          unit: (a ?? b)!.unit,
          units: (a?.units ?? new Decimal(0)).minus(b?.units ?? 0),
          apiCalls: (a?.apiCalls ?? 0) - (b?.apiCalls ?? 0),
          amountUsd: (a?.amountUsd ?? new Decimal(0)).minus(b?.amountUsd ?? 0),
          adjustmentOf: m,
        };
        if (line.apiCalls !== 0 || !line.units.isZero() || !line.amountUsd.isZero()) adjustments.push(line);
      }
    }
    return [...own, ...adjustments.sort((x, y) => (x.adjustmentOf! < y.adjustmentOf! ? -1 : x.adjustmentOf! > y.adjustmentOf! ? 1 : byKey(x, y)))];
  }

  summary(month: string): Decimal {
    return this.events.filter((e) => e.month === month && !e.voided).reduce((sum, e) => sum.plus(e.cost), new Decimal(0));
  }
}

const byKey = (x: Line, y: Line) => {
  const a = `${x.service}|${x.model ?? ''}`;
  const b = `${y.service}|${y.model ?? ''}`;
  return a < b ? -1 : a > b ? 1 : 0;
};
const unitOf = (service: string) => (service === 'OPENAI' ? 'tokens' : service === 'ELEVENLABS' ? 'characters' : 'minutes');
const shown = (lines: Line[]) => lines.map((l) => ({ service: l.service, model: l.model, unit: l.unit, units: l.units.toNumber(), apiCalls: l.apiCalls, amountUsd: l.amountUsd.toFixed(), adjustmentOf: l.adjustmentOf }));
const fromServer = (lines: any[]) => lines.map((l) => ({ ...l, amountUsd: new Decimal(l.amountUsd).toFixed() }));

const LIST = `query($t: ID) { statements(tenantId: $t, first: 24) { period status number totalUsd lines { service model units unit apiCalls amountUsd adjustmentOf } } }`;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { log { id occurredAt costUsd } } }`;

describe('statements against an independent model', () => {
  it(`${RUNS} generated histories: every statement as the model says, FINAL ones never change, totals equal the summaries plus the adjustments`, async () => {
    let run = 0;
    const tally = { actions: 0, finalized: 0, adjustmentLines: 0, voids: 0, late: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 8, maxLength: 35 }), async (actions) => {
        run++;
        server.clock.set(undefined);
        const t = await createTenantWithAccess(server, `Statement Model ${run}`);
        const model = new StatementModel();
        // Each run lives in its own months, far from the others'.
        let now = new Date(Date.UTC(2020 + run, 0, 10, 12));
        const signIn = async () => {
          server.clock.set(now);
          admin = (await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password })).data!.login.token;
        };
        await signIn();
        let sequence = 0;
        const check = async () => {
          const statements = (await server.gql(LIST, { t: t.tenantId }, admin)).data!.statements as any[];
          // The server's own finalizations: the model freezes them in period order, as the server did.
          for (const s of [...statements].reverse()) {
            if (s.status === 'FINAL' && !model.final.has(s.period)) {
              expect(fromServer(s.lines), `auto-finalized ${s.period}`).toEqual(shown(model.statement(s.period)));
              model.final.set(s.period, model.statement(s.period));
              tally.finalized++;
            }
          }
          expect(statements.map((s) => s.period)).toEqual(model.months().reverse());
          for (const s of statements) {
            const expected = model.statement(s.period);
            expect(s.status).toBe(model.final.has(s.period) ? 'FINAL' : 'OPEN');
            // The server finalizes every month past its 35-day window (each advance runs it).
            if (s.status === 'OPEN') expect(monthEnd(s.period) + 35 * 86_400_000 > now.getTime(), `${s.period} still OPEN at ${now.toISOString()}`).toBe(true);
            expect(fromServer(s.lines), s.period).toEqual(shown(expected));
            const total = expected.reduce((sum, l) => sum.plus(l.amountUsd), new Decimal(0));
            expect(new Decimal(s.totalUsd).eq(total)).toBe(true);
            if (s.status === 'OPEN') {
              const adjustments = expected.filter((l) => l.adjustmentOf).reduce((sum, l) => sum.plus(l.amountUsd), new Decimal(0));
              expect(total.minus(adjustments).eq(model.summary(s.period))).toBe(true);
              const { rows } = await server.services.db.pool.query(`select coalesce(sum(total_cost_usd), 0)::text as cost from monthly_summaries where tenant_id = $1 and period = $2::date`, [t.tenantId, `${s.period}-01`]);
              expect(new Decimal(rows[0].cost).eq(model.summary(s.period))).toBe(true);
            }
          }
          tally.adjustmentLines += statements.flatMap((s) => s.lines).filter((l: any) => l.adjustmentOf).length;
        };
        for (const step of actions) {
          tally.actions++;
          if (step.type === 'record') {
            const occurredAt = step.late ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 3_600_000) : new Date(now.getTime() - 60_000);
            if (step.late && now.getTime() - occurredAt.getTime() > 35 * 86_400_000) continue;
            const input =
              step.kind === 'gpt'
                ? { service: 'OPENAI', model: 'gpt-4o', inputTokens: step.amount, outputTokens: step.amount % 97 }
                : step.kind === 'voice'
                  ? { service: 'ELEVENLABS', characters: step.amount }
                  : { service: 'SMARTFLO', durationSeconds: (step.amount % 300) * 6 };
            const [log] = (await server.gql(BATCH, { i: [{ ...input, occurredAt: occurredAt.toISOString(), requestId: `m-${run}-${sequence++}` }] }, t.apiKey)).data!.recordUsages.map((r: any) => r.log);
            const units = step.kind === 'gpt' ? new Decimal(step.amount + (step.amount % 97)) : step.kind === 'voice' ? new Decimal(step.amount) : new Decimal((step.amount % 300) * 6).dividedBy(60);
            const cost = expectedCost(input).cost;
            expect(new Decimal(log.costUsd).eq(cost)).toBe(true);
            model.events.push({ id: log.id, occurredAt: log.occurredAt, month: monthOf(occurredAt), key: `${input.service}|${(input as any).model ?? ''}`, service: input.service, model: (input as any).model ?? null, units, cost, voided: false });
            if (step.late) tally.late++;
          } else if (step.type === 'void') {
            if (model.events.length === 0) continue;
            const event = model.events[step.pick % model.events.length]!;
            const response = await server.gql(`mutation($id: ID!, $at: DateTime) { voidUsage(id: $id, reason: "model", occurredAt: $at) { id } }`, { id: event.id, at: event.occurredAt }, admin);
            expect(response.errors).toBeUndefined();
            event.voided = true;
            tally.voids++;
          } else if (step.type === 'finalize') {
            let period = monthOf(now);
            for (let i = 0; i < step.back; i++) period = prevMonth(period);
            const response = await server.gql(`mutation($t: ID!, $p: String!) { finalizeStatement(tenantId: $t, period: $p) { status lines { service model units unit apiCalls amountUsd adjustmentOf } } }`, { t: t.tenantId, p: period }, admin);
            if (!model.final.has(period) && !model.hasUsage(period)) {
              expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
              continue;
            }
            expect(response.errors).toBeUndefined();
            expect(fromServer(response.data!.finalizeStatement.lines)).toEqual(shown(model.statement(period)));
            if (!model.final.has(period)) {
              model.final.set(period, model.statement(period));
              tally.finalized++;
            }
          } else {
            now = new Date(now.getTime() + step.days * 86_400_000);
            await signIn();
            await server.services.statements.finalizeDue();
          }
          await check();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`statements model: ${RUNS} histories, ${tally.actions} actions, ${tally.late} late events, ${tally.voids} voids, ${tally.finalized} finalizations; adjustment lines seen ${tally.adjustmentLines}`);
    expect(tally.finalized).toBeGreaterThan(RUNS);
    expect(tally.adjustmentLines).toBeGreaterThan(0);
  }, 600_000);
});
