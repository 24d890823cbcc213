import { Migration } from '@mikro-orm/migrations';

/**
 * The derived end-user tables lose their foreign keys to tenants, as end_user_window_deltas never
 * had one. The recorder writes two of them in every transaction with an end user
 * (end_user_daily_rollups, end_user_monthly_totals) and the folds every 2 s write the others, and
 * each new row's check took a KEY SHARE lock on its tenant's row and a lookup of it. All six are
 * derived (the rebuild script recomputes them from the logs; folds skip tenants that no longer
 * exist) and the product never deletes a tenant, so the keys guarded nothing a writer could break.
 * Back to back on the shared 2-vCPU machine (`node bench/run.mjs --only=B1,B8`, one run each), B8
 * (recordUsage with an end user) ran at 0.82 x B1 with the keys, 0.86 x without the two recorder
 * tables' keys, and 0.89 x and 0.84 x without all six (PostgreSQL CPU per request 0.32 ms with the
 * keys, 0.28-0.31 ms without).
 */
const TABLES = ['end_user_daily_rollups', 'end_user_monthly_totals', 'end_user_directory', 'end_user_window_state', 'end_user_windows', 'end_user_window_counts'];

export class Migration20261223000000_end_user_tables_without_fk extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`do $$ declare r record; begin
        for r in select conname from pg_constraint where contype = 'f' and conrelid = '${table}'::regclass loop
          execute format('alter table ${table} drop constraint %I', r.conname);
        end loop; end $$;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table ${table} add constraint ${table}_tenant_id_fkey foreign key (tenant_id) references tenants (id) on delete cascade`);
    }
  }
}
