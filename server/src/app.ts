import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { execute, subscribe, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { projectRoot } from './config/config.js';
import { isMigrated } from './core/db/database.js';
import type { GraphQLContext } from './core/graphql/context.js';
import { formatError } from './core/graphql/errors.js';
import { createRequestContext } from './core/graphql/request-context.js';
import { securityHeaders } from './core/http/security-headers.js';
import { spaRouter } from './core/http/spa.js';
import { exportUsageCsv } from './modules/usage/usage-export.js';
import type { Services } from './services.js';

/** Largest accepted request: a full 1,000-event batch with 16 KiB of metadata each fits. */
export const MAX_BODY_BYTES = 17 * 1024 * 1024;

export interface RunningApp {
  httpServer: Server;
  /** Stop accepting, finish in-flight requests, close sockets. */
  close(): Promise<void>;
  /** Set once shutdown starts: health turns 503 so load balancers stop sending work. */
  draining: boolean;
}

export async function createApp(services: Services, schema: GraphQLSchema): Promise<RunningApp> {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const state = { draining: false };

  // One log line per request with its duration; never headers, bodies or query strings.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms * 10) / 10, op: res.locals.operationName }, 'request');
    });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    if (state.draining) return void res.status(503).json({ status: 'draining' });
    try {
      await Promise.race([
        services.db.pool.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
      ]);
      if (!(await isMigrated(services.db.orm))) return void res.status(503).json({ status: 'migrating' });
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const wsCleanup = useServer<Record<string, unknown>, { context?: GraphQLContext }>(
    {
      schema,
      execute,
      subscribe,
      // Authenticate once, in connection_init; refuse the socket (4403) without a valid viewer.
      onConnect: async (ctx) => {
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
        const context = await createRequestContext(services, authorization, ctx.extra.request.socket.remoteAddress ?? '');
        if (!context.viewer || context.viewer.kind === 'API_KEY') return false;
        ctx.extra.context = context;
        return true;
      },
      context: (ctx) => ctx.extra.context!,
    },
    wsServer,
  );

  const loggingPlugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          const res = (request.contextValue as unknown as { res?: express.Response }).res;
          if (res) res.locals.operationName = request.operationName ?? request.operation?.operation;
        },
      };
    },
  };

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    csrfPrevention: true,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      loggingPlugin,
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await createRequestContext(services, req.headers.authorization, req.ip ?? '');
        return Object.assign(context, { res });
      },
    }),
  );

  app.get('/export/usage.csv', (req, res) => void exportUsageCsv(services, req, res));

  const webRoot = join(projectRoot, config.WEB_ROOT);
  app.use('/admin', securityHeaders, spaRouter(join(webRoot, 'admin-web', 'dist'), 'admin'));
  app.use('/portal', securityHeaders, spaRouter(join(webRoot, 'customer-web', 'dist'), 'customer'));
  app.get('/', (_req, res) => res.redirect(302, '/admin/'));

  return {
    httpServer,
    get draining() {
      return state.draining;
    },
    set draining(value: boolean) {
      state.draining = value;
    },
    async close() {
      state.draining = true;
      await apollo.stop();
    },
  };
}
