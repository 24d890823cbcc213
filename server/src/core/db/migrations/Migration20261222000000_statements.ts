import { Migration } from '@mikro-orm/migrations';

/**
 * Monthly statements (modules/statements/README.md). An OPEN statement is computed from the
 * rollups and is stored nowhere; finalizing freezes it here, and a FINAL statement never changes:
 * - `statements`: one row per tenant and month, with its gap-free number and frozen total.
 * - `statement_lines`: its lines, by service and model, with the adjustment lines that carry
 *   corrections of earlier FINAL months (`adjustment_of`).
 * - `statement_number_counters`: the last number given per month of statements. Finalizing
 *   updates it in the same transaction that inserts the statement, so a rollback gives the number
 *   back and concurrent finalizations queue on its row: numbers stay unique and gap-free. It is
 *   the platform's numbering, not a tenant's: a reference table (docs/scaling.md).
 * Nothing existing changes: months that are already past their 35-day window are finalized by
 * the next hourly maintenance, the others stay OPEN.
 * A tenant holding a FINAL statement cannot be deleted (restrict): an issued statement stays.
 */
export class Migration20261222000000_statements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table statement_number_counters (
  period text primary key check (period ~ '^\\d{4}-\\d{2}$'),
  last_number integer not null check (last_number >= 0)
);
create table statements (
  tenant_id uuid not null references tenants (id) on delete restrict,
  period text not null check (period ~ '^\\d{4}-\\d{2}$'),
  sequence integer not null check (sequence > 0),
  number text not null,
  total_usd numeric(30,12) not null,
  finalized_at timestamptz not null,
  finalized_by text not null,
  primary key (tenant_id, period)
);
create table statement_lines (
  tenant_id uuid not null,
  period text not null,
  position integer not null,
  service text not null,
  model text not null default '',
  unit text not null,
  units numeric not null,
  api_calls bigint not null,
  amount_usd numeric(30,12) not null,
  adjustment_of text check (adjustment_of is null or adjustment_of < period),
  primary key (tenant_id, period, position),
  foreign key (tenant_id, period) references statements (tenant_id, period) on delete cascade
);
-- The adjustments already frozen for a month, wherever they were issued.
create index statement_lines_adjustment_of on statement_lines (tenant_id, adjustment_of) where adjustment_of is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table statement_lines;
drop table statements;
drop table statement_number_counters;`);
  }
}
