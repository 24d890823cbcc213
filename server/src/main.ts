import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { createApp, type RunningApp } from './app.js';
import { loadConfigOrExit } from './config/config.js';
import { openDatabase, type Database } from './core/db/database.js';
import { entities } from './entities.js';
import { Maintenance } from './maintenance.js';
import { createLogger } from './core/http/logging.js';
import { DatabaseListener } from './core/graphql/live-events.js';
import { createSchema } from './schema.js';
import { systemClock } from './core/lib/clock.js';
import { releaseIdleAsyncContexts } from './core/runtime/async-context.js';
import { seedDemoData } from './modules/usage/demo-data.js';
import { createServices, listenToDatabase } from './services.js';

// Peak memory (bench B6, target 300 MB). Under a high allocation rate V8 lets the old generation
// grow to as much as 4× what survived the last full GC before it collects again, so a busy
// server's RSS settles far above its live data. A fixed 1.7× keeps the peak near that multiple
// of the live heap, with no hard cap that a legitimate large batch could hit (an out-of-memory
// crash). Measured: 2× took peak RSS from 345 to 226 MB; once ingestion got faster (pipelined
// group commits), single events then 500-event batches peaked at 310–323 MB with 2× and at
// 244–246 MB with 1.7×, alternating runs of the same build, with no visible change in requests/s
// or CPU per request. The flag is read at every full GC, so setting it here, before any load,
// takes effect.
setFlagsFromString('--heap-growing-percent=70');

// MikroORM's flushes would otherwise leave a promise hook on for every later request (see there).
releaseIdleAsyncContexts();

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.LOG_LEVEL);

  // Filled in as start-up proceeds; shutdown closes whatever has started.
  const running: { db?: Database; app?: RunningApp; listener?: DatabaseListener; gateway?: { stop(): Promise<void> }; background: { stop(): void | Promise<void> }[] } = { background: [] };
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await running.app?.close();
      await running.gateway?.stop();
      // Timers stop before the pool closes, so no periodic job fails on a closed pool.
      await Promise.all(running.background.map((job) => job.stop()));
      await running.listener?.stop();
      await running.db?.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const db = (running.db = await openDatabase(config, logger, entities));
  const services = createServices(config, db, systemClock, logger);
  await services.priceBook.load();
  await services.auth.ensureAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  if (config.DEMO_DATA) await seedDemoData(services);

  const listener = (running.listener = new DatabaseListener(db.direct.url, logger));
  listenToDatabase(listener, services);
  await listener.start();
  await services.gateway.start();
  running.gateway = services.gateway;
  services.activity.start();
  services.notifications.start();
  services.endUserWindows.start();
  const maintenance = new Maintenance(db.pool, systemClock, logger, config.USAGE_LOG_RETENTION_DAYS, { sessionPool: db.direct.pool, statements: services.statements });
  maintenance.start();
  running.background.push(services.notifications, services.endUserWindows, maintenance);
  void maintenance.run();

  const app = (running.app = await createApp(services, await createSchema()));
  await new Promise<void>((resolve) => app.httpServer.listen(config.PORT, config.HOST, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port }, `Usage Monitor listening on http://localhost:${port} (API /graphql, admin /admin/, portal /portal/)`);
  process.send?.({ ready: true, port });
}

main().catch((error) => {
  console.error(`Usage Monitor failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
