import { Migration } from '@mikro-orm/migrations';

/**
 * Split counters for the platform-wide rollup. Every recording transaction, from every tenant
 * and every instance, increments the same few (day, service, model) rows, so concurrent groups
 * queued on those row locks one after another. Each group now increments one of 16 shards of
 * each row (the recorder picks it); readers already sum, so a day is the sum of its shards.
 */
export class Migration20261201000100_platform_rollup_shards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table platform_daily_rollups add column shard smallint not null default 0 check (shard between 0 and 15);
alter table platform_daily_rollups drop constraint platform_daily_rollups_pkey;
alter table platform_daily_rollups add primary key (day, service, model, shard);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
create temporary table merged on commit drop as
  select day, service, model, sum(api_calls) as api_calls, sum(error_calls) as error_calls, sum(unpriced_calls) as unpriced_calls,
         sum(units) as units, sum(cost_usd) as cost_usd from platform_daily_rollups group by 1, 2, 3;
delete from platform_daily_rollups;
alter table platform_daily_rollups drop constraint platform_daily_rollups_pkey;
alter table platform_daily_rollups drop column shard;
insert into platform_daily_rollups select * from merged;
alter table platform_daily_rollups add primary key (day, service, model);`);
  }
}
