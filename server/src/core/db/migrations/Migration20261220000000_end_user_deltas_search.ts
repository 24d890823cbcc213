import { Migration } from '@mikro-orm/migrations';

/**
 * End-user windows off the recording path (modules/end-users/end-user-windows.ts): a recorder
 * appends one delta per end user and day to end_user_window_deltas, and folds move deltas into
 * end_user_windows, end_user_directory and end_user_window_counts, regularly and before any
 * ranking read. Updating four ranked window rows and their counters in every recording
 * transaction took B8 (recordUsage with an end user) to 0.66 x B1 (`node bench/run.mjs --only=B1,B8`).
 *
 * The windows recorded so far already hold every event (recorders wrote them directly), so the
 * table starts empty and nothing is backfilled. It is cheap to append to: only the key that a
 * tenant's rows need (tenant_id, id; a fold reads a few seconds of deltas) and no foreign key (a
 * fold skips the deltas of a tenant that no longer exists). Appending 60,000 B8-like deltas in
 * 3,000-row chunks cost the inserting backend 3.2-3.3 us of CPU each so, 4.8-9.2 us with an index
 * on tenant_id and the foreign key instead, 1.3-2.2 us with neither (/proc CPU time, runs on the
 * shared 2-vCPU machine).
 *
 * The directory's search index is rebuilt from its rows. Its trigram index had tenant_id as a
 * key of its own (btree_gin), and a search read that key's whole posting list, every end user of
 * the tenant: 312 index pages per search at 1,000,000 end users (EXPLAIN ANALYZE on bench B9's
 * data). It now indexes each end user's three-character pieces of its lower-cased id, each
 * prefixed with its tenant, so a search reads only its own tenant's entries of the pieces it
 * names (13 pages there). end_user_search_grams is the one definition, for the index and the
 * search (end-users/end-user-page.ts); the first 8 characters of the tenant id keep the keys
 * short, and the rare tenant they do not tell apart only adds candidates the tenant filter drops.
 * In PL/pgSQL: 3.5 us per id against 19 us for the same pieces from one SQL aggregate (200,000
 * ids of B9's directory).
 */
export class Migration20261220000000_end_user_deltas_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table end_user_window_deltas (
  tenant_id uuid not null,
  id bigint generated always as identity,
  day date not null,
  end_user text not null,
  api_calls bigint not null,
  error_calls bigint not null,
  cost_usd numeric(30,12) not null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  primary key (tenant_id, id)
);

create function end_user_search_grams(tenant uuid, value text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
  prefix text := left(tenant::text, 8);
  grams text[] := '{}';
begin
  for i in 1 .. length(value) - 2 loop
    grams := array_append(grams, prefix || substr(value, i, 3));
  end loop;
  return grams;
end
$$;
drop index end_user_directory_search;
create index end_user_directory_search on end_user_directory using gin (end_user_search_grams(tenant_id, lower(end_user)));`);
  }

  override async down(): Promise<void> {
    // Deltas not folded yet would be lost with the table: fold them into the windows first.
    this.addSql(`
delete from end_user_window_deltas where tenant_id not in (select id from tenants);
insert into end_user_window_state (tenant_id, as_of)
select distinct tenant_id, (now() at time zone 'UTC')::date from end_user_window_deltas on conflict (tenant_id) do nothing;
insert into end_user_directory as u (tenant_id, end_user, first_seen_at)
select tenant_id, end_user, min(first_seen_at) from end_user_window_deltas group by 1, 2
on conflict (tenant_id, end_user) do update set first_seen_at = excluded.first_seen_at where excluded.first_seen_at < u.first_seen_at;
with added as (
  insert into end_user_windows as w (tenant_id, window_days, end_user, api_calls, error_calls, cost_usd, last_seen_at)
  select d.tenant_id, n.days, d.end_user, sum(d.api_calls), sum(d.error_calls), sum(d.cost_usd), max(d.last_seen_at)
    from end_user_window_deltas d cross join (values (7::smallint), (30::smallint), (90::smallint), (365::smallint)) as n(days)
    join end_user_window_state st on st.tenant_id = d.tenant_id
   where d.day > st.as_of - n.days
   group by 1, 2, 3
  on conflict (tenant_id, window_days, end_user) do update set
    api_calls = w.api_calls + excluded.api_calls, error_calls = w.error_calls + excluded.error_calls,
    cost_usd = w.cost_usd + excluded.cost_usd, last_seen_at = greatest(w.last_seen_at, excluded.last_seen_at)
  returning w.tenant_id, w.window_days, w.xmax = 0 as inserted
)
insert into end_user_window_counts as c (tenant_id, window_days, end_users)
select tenant_id, window_days, count(*) from added where inserted group by 1, 2
on conflict (tenant_id, window_days) do update set end_users = c.end_users + excluded.end_users;
drop table end_user_window_deltas;
drop index end_user_directory_search;
drop function end_user_search_grams(uuid, text);
create index end_user_directory_search on end_user_directory using gin (tenant_id, lower(end_user) gin_trgm_ops);`);
  }
}
