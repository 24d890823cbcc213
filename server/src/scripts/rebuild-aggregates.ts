import pg from 'pg';
import pino from 'pino';
import { loadConfigOrExit } from '../config/config.js';
import { openDatabase } from '../core/db/database.js';
import { entities } from '../entities.js';
import { UsageRebuildService } from '../modules/usage/rebuild/usage-rebuild.service.js';

// `node server/dist/scripts/rebuild-aggregates.js`: recomputes monthly summaries and daily
// rollups from usage_logs (e.g. after history was bulk-loaded with COPY). Same configuration as
// the server: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR while the server is down.
const config = loadConfigOrExit();
const logger = pino({ level: config.LOG_LEVEL });
const db = await openDatabase(config, logger, entities);
// Its own connection: the server pool's client-side query timeout is for requests, and a rebuild
// over millions of logs takes minutes.
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
try {
  const started = Date.now();
  const result = await new UsageRebuildService(pool).rebuild();
  console.log(
    result.fromMonth === null
      ? 'no usage logs: nothing to rebuild'
      : `rebuilt from ${result.fromMonth}: ${result.monthlySummaries} monthly summaries, ${result.dailyRollups} daily rollups, ${result.platformRollups} platform rollups in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await pool.end();
  await db.close();
}
