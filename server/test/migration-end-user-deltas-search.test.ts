import { describe, expect, it } from 'vitest';
import { databaseAt } from './migration-harness.js';

/**
 * The window-deltas and search-index migration on a database that holds the previous version's
 * end users: windows, counts, directory and window state keep every value, the directory is
 * searchable through the new index at once, and down folds any delta left into the windows.
 */
const PREVIOUS = 'Migration20261217000000_shard_ready';
const MIGRATION = 'Migration20261220000000_end_user_deltas_search';
const db = databaseAt(PREVIOUS);

describe(MIGRATION, () => {
  it('keeps every end-user row, finds existing ids by substring through the new index, and down folds deltas left', async () => {
    const { rows: tenant } = await db.client.query(`insert into tenants (name) values ('Before Deltas') returning id`);
    const tenantId = tenant[0].id;
    await db.client.query(`insert into end_user_window_state (tenant_id, as_of) values ($1, (now() at time zone 'UTC')::date)`, [tenantId]);
    await db.client.query(
      `insert into end_user_directory (tenant_id, end_user, first_seen_at) values ($1, 'Alice@Example.com', now()), ($1, 'bob-7781a3', now()), ($1, 'ab', now())`,
      [tenantId],
    );
    await db.client.query(
      `insert into end_user_windows (tenant_id, window_days, end_user, api_calls, error_calls, cost_usd, last_seen_at)
       select $1, d, u, 2, 0, 0.5, now() from unnest('{7,30,90,365}'::smallint[]) d cross join unnest('{Alice@Example.com,bob-7781a3,ab}'::text[]) u`,
      [tenantId],
    );
    await db.client.query(`insert into end_user_window_counts (tenant_id, window_days, end_users) select $1, d, 3 from unnest('{7,30,90,365}'::smallint[]) d`, [tenantId]);
    const snapshot = async () => ({
      directory: (await db.client.query(`select tenant_id, end_user, first_seen_at from end_user_directory order by 1, 2`)).rows,
      windows: (await db.client.query(`select tenant_id, window_days, end_user, api_calls, error_calls, cost_usd::text, last_seen_at from end_user_windows order by 1, 2, 3`)).rows,
      counts: (await db.client.query(`select tenant_id, window_days, end_users from end_user_window_counts order by 1, 2`)).rows,
      state: (await db.client.query(`select tenant_id, as_of from end_user_window_state order by 1`)).rows,
    });
    const before = await snapshot();

    const applied = await db.orm.getMigrator().up();
    expect(applied.map((m) => m.name)).toContain(MIGRATION);
    expect(await snapshot()).toEqual(before);
    expect((await db.client.query(`select count(*)::int as n from end_user_window_deltas`)).rows[0].n).toBe(0);
    const search = async (piece: string) =>
      (
        await db.client.query(
          `select end_user from end_user_directory
            where end_user_search_grams(tenant_id, lower(end_user)) @> end_user_search_grams($1, $2) and tenant_id = $1 and lower(end_user) like '%' || $2 || '%' order by 1`,
          [tenantId, piece],
        )
      ).rows.map((row) => row.end_user);
    expect(await search('7781a')).toEqual(['bob-7781a3']);
    expect(await search('e@ex')).toEqual(['Alice@Example.com']);
    expect(await search('zzz')).toEqual([]);

    // A delta recorded but not folded yet when the migration is undone: down adds it to the windows.
    await db.client.query(
      `insert into end_user_window_deltas (tenant_id, day, end_user, api_calls, error_calls, cost_usd, first_seen_at, last_seen_at)
       values ($1, (now() at time zone 'UTC')::date, 'carol', 1, 1, 0.25, now(), now())`,
      [tenantId],
    );
    await db.orm.getMigrator().down({ to: PREVIOUS });
    const after = await snapshot();
    expect(after.windows.filter((w) => w.end_user === 'carol').map((w) => [w.window_days, w.api_calls, w.error_calls, w.cost_usd])).toEqual([
      [7, 1, 1, '0.250000000000'],
      [30, 1, 1, '0.250000000000'],
      [90, 1, 1, '0.250000000000'],
      [365, 1, 1, '0.250000000000'],
    ]);
    expect(after.counts.map((c) => c.end_users)).toEqual([4, 4, 4, 4]);
    expect(after.windows.filter((w) => w.end_user !== 'carol')).toEqual(before.windows);
    expect((await db.client.query(`select indexdef from pg_indexes where indexname = 'end_user_directory_search'`)).rows[0].indexdef).toContain('gin_trgm_ops');
    await db.orm.getMigrator().up();
  });
});
