import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageRebuildService } from '../src/modules/usage/rebuild/usage-rebuild.service.js';
import { ADMIN, createTenantWithAccess, startTestServer, type TestServer } from './harness.js';

// A server of its own: these tests move the clock days ahead, and a tenant's windows then end on a
// day the other test files' clocks have not reached.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const DAY = 86_400_000;
let counter = 0;
const BATCH = `mutation($i: [RecordUsageInput!]!) { recordUsages(inputs: $i) { duplicate } }`;
const VOID = `mutation($id: ID!, $reason: String!, $at: DateTime) { voidUsage(id: $id, reason: $reason, occurredAt: $at) { id } }`;
const END_USERS = `query($input: EndUsersInput!) { endUsers(input: $input) { totalCount nodes { endUser apiCalls totalCostUsd } } }`;
const smartflo = (endUser: string, seconds: number, occurredAt: string) => ({ service: 'SMARTFLO', durationSeconds: seconds, requestId: `w-${counter++}`, endUser, occurredAt });
/** Signs in afresh each time: a session would expire as the clock moves days ahead. */
const endUsers = async (input: Record<string, unknown>, tenant: { email: string; password: string }) => {
  const login = await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: tenant.email, p: tenant.password });
  const response = await server.gql(END_USERS, { input }, login.data!.login.token);
  expect(response.errors).toBeUndefined();
  return response.data!.endUsers;
};

describe('windows over days', () => {
  it('roll forward: a day leaves each window exactly when it ends, late events count only where their day is inside', async () => {
    const t = await createTenantWithAccess(server, 'Rolling');
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 12 * 3_600_000;
    const at = (offset: number) => new Date(today + offset * DAY).toISOString();
    try {
      server.clock.set(new Date(today));
      await server.gql(BATCH, { i: [smartflo('a', 60, at(-6)), smartflo('a', 120, at(0)), smartflo('b', 60, at(-2))] }, t.apiKey);
      const week = () => endUsers({ days: 7, orderBy: 'END_USER_ASC' }, t);
      expect((await week()).nodes.map((n: any) => [n.endUser, n.apiCalls])).toEqual([['a', 2], ['b', 1]]);

      server.clock.set(new Date(today + DAY));
      // A late event for the day that has just left the 7-day window: in 30 days, not in 7.
      await server.gql(BATCH, { i: [smartflo('c', 60, at(-6))] }, t.apiKey);
      const afterOne = await week();
      expect(afterOne.nodes.map((n: any) => [n.endUser, n.apiCalls, n.totalCostUsd])).toEqual([['a', 1, '0.04'], ['b', 1, '0.02']]);
      expect(afterOne.totalCount).toBe(2);
      expect((await endUsers({ days: 30, orderBy: 'END_USER_ASC' }, t)).nodes.map((n: any) => n.endUser)).toEqual(['a', 'b', 'c']);
      expect((await week()).nodes).toEqual(afterOne.nodes);
      // The same late day recorded after the roll-forward: left out of the 7 days by the recorder.
      await server.gql(BATCH, { i: [smartflo('d', 60, at(-6))] }, t.apiKey);
      expect(await week()).toMatchObject({ totalCount: 2, nodes: afterOne.nodes });

      server.clock.set(new Date(today + 5 * DAY));
      expect((await week()).nodes.map((n: any) => n.endUser)).toEqual(['a']);
      server.clock.set(new Date(today + 7 * DAY));
      expect(await week()).toMatchObject({ totalCount: 0, nodes: [] });
      const month = await endUsers({ days: 30, orderBy: 'END_USER_ASC' }, t);
      expect(month.nodes.map((n: any) => [n.endUser, n.apiCalls])).toEqual([['a', 2], ['b', 1], ['c', 1], ['d', 1]]);
      // What the windows hold after a week of roll-forwards is what a rebuild from the log makes.
      const windows = async () => (await server.services.db.pool.query('select window_days, end_user, api_calls, cost_usd::text from end_user_windows order by 1, 2')).rows;
      const rolled = await windows();
      await new UsageRebuildService(server.services.db.pool).rebuild(server.clock.now());
      expect(await windows()).toEqual(rolled);
    } finally {
      server.clock.set(undefined);
    }
  });

  it('folds racing recorders, other folds, reads, a void and a roll-forward to exactly the rows a rebuild makes', async () => {
    const t = await createTenantWithAccess(server, 'Racing folds');
    const pool = server.services.db.pool;
    const windows = server.services.endUserWindows;
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 12 * 3_600_000;
    const at = (offset: number) => new Date(today + offset * DAY).toISOString();
    const snapshot = async () =>
      Promise.all(
        [
          'select window_days, end_user, api_calls, error_calls, cost_usd::text, last_seen_at from end_user_windows where tenant_id = $1 order by 1, 2',
          'select window_days, end_users from end_user_window_counts where tenant_id = $1 and end_users > 0 order by 1',
          'select end_user from end_user_directory where tenant_id = $1 order by 1',
        ].map(async (sql) => (await pool.query(sql, [t.tenantId])).rows),
      );
    // Batches over a hot user and a long tail, on days that stay in every window and on one that
    // leaves the 7-day window at the roll-forward.
    const batch = (round: number) =>
      server.gql(BATCH, { i: Array.from({ length: 8 }, (_, k) => smartflo(k % 2 ? 'hot' : `tail-${(round * 8 + k) % 37}`, 30 + k, at(k % 3 === 0 ? -6 : -(k % 5)))) }, t.apiKey);
    const signIn = async (email: string, password: string) =>
      (await server.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password })).data!.login.token as string;
    const race = async (rounds: number) => {
      const token = await signIn(t.email, t.password);
      let reading = true;
      const folds = (async () => {
        while (reading) {
          await windows.foldPending({ wait: false });
          const read = await server.gql(END_USERS, { input: { days: 7, orderBy: 'COST_DESC', first: 5 } }, token);
          expect(read.errors).toBeUndefined();
        }
      })();
      const recorded = await Promise.all(Array.from({ length: rounds }, (_, round) => batch(round)));
      reading = false;
      for (const response of recorded) expect(response.errors).toBeUndefined();
      await folds;
    };
    try {
      server.clock.set(new Date(today));
      await race(24);
      const { rows } = await pool.query(`select id, occurred_at from usage_logs where tenant_id = $1 and end_user = 'hot' order by id limit 1`, [t.tenantId]);
      // The next day: the roll-forward (from the first read) runs while batches still record day -6.
      server.clock.set(new Date(today + DAY));
      const voided = server.gql(VOID, { id: rows[0].id, reason: 'race', at: rows[0].occurred_at.toISOString() }, await signIn(ADMIN.email, ADMIN.password));
      const [, voidResponse] = await Promise.all([race(16), voided]);
      expect(voidResponse.errors).toBeUndefined();
      await windows.catchUp(t.tenantId);
      const folded = await snapshot();
      expect(folded[0]!.length).toBeGreaterThan(0);
      await new UsageRebuildService(pool).rebuild(server.clock.now());
      expect(await snapshot()).toEqual(folded);
    } finally {
      server.clock.set(undefined);
    }
  });
});
