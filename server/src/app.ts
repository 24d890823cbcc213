import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import proxyAddr from 'proxy-addr';
import { execute, subscribe, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { projectRoot } from './config/config.js';
import { isMigrated } from './core/db/database.js';
import type { GraphQLContext } from './core/graphql/context.js';
import { QUERY_LIMITS, queryLimitRules } from './core/graphql/query-limits.js';
import { createRequestContext } from './core/graphql/request-context.js';
import { formatGraphQLError, formatWebSocketErrors, requestHooksPlugin, webSocketGuard } from './core/http/graphql-guards.js';
import { SECURITY_HEADERS, securityHeaders } from './core/http/security-headers.js';
import { hotOperations, type RequestLogLine } from './core/http/hot-operations.js';
import { INTERNAL_ERROR_BODY, unreadableBodyAnswer } from './core/http/body-errors.js';
import { httpCredentials, httpSessionCookies, sessionApp } from './core/http/session-cookies.js';
import { metricsHandler } from './core/metrics/metrics-handler.js';
import { metrics } from './core/metrics/metrics.js';
import { spaRouter } from './core/http/spa.js';
import { exportUsageCsv } from './modules/usage/export/usage-export.js';
import { downloadStatement } from './modules/statements/statements.router.js';
import { exportMarginsCsv } from './modules/usage/export/margin-export.js';
import { gatewayRouter } from './modules/gateway/gateway.router.js';
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

/**
 * The ingestion mutations answered by the hot path (core/http/hot-operations.ts) instead of
 * Express and Apollo: they are on every paid call an integrator makes.
 */
const HOT_MUTATIONS = ['recordUsage', 'recordUsages'];

export interface AppOptions {
  /** false: every GraphQL request through Express and Apollo (the equivalence tests compare both). */
  hotOperations?: boolean;
}

export async function createApp(services: Services, schema: GraphQLSchema, options: AppOptions = {}): Promise<RunningApp> {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API responses: Express would hash every GraphQL and JSON body (SHA-1) for a tag
  // no client revalidates a POST with. The SPAs' static files keep theirs (serve-static's own).
  app.set('etag', false);
  // req.ip (login throttling, logs) believes X-Forwarded-For only from the configured proxies.
  if (config.TRUST_PROXY !== false) app.set('trust proxy', config.TRUST_PROXY);

  const logRequests = logger.isLevelEnabled('info');
  /** One log line per request with its duration (both paths); never headers, bodies or query strings. */
  const logRequest = (line: RequestLogLine) => logger.info({ ...line, ms: Math.round(line.ms * 10) / 10 }, 'request');
  // The GraphQL ingestion mutations take the hot path; everything else (and anything it does not
  // answer exactly as Apollo would) goes on to Express.
  const trustProxy = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  const hot = options.hotOperations === false ? undefined : hotOperations({
    schema,
    fields: HOT_MUTATIONS,
    // As the /graphql route's context function below builds it, for a bearer caller: no cookies.
    createContext: (req) => createRequestContext(services, httpCredentials(req), { ip: () => proxyAddr(req, trustProxy), userAgent: req.headers['user-agent'] }),
    formatError: formatGraphQLError,
    commonHeaders: SECURITY_HEADERS,
    maxBodyBytes: MAX_BODY_BYTES,
    logRequest: logRequests ? logRequest : undefined,
    logError: (message) => logger.error({ err: message }, 'unhandled request error'),
  });
  const httpServer = createServer(hot ? (req, res) => hot(req, res, app) : app);
  const state = { draining: false };
  // Nothing is hooked at all when info lines are off (LOG_LEVEL=warn): requests pay for no listener.
  if (logRequests) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        logRequest({ method: req.method, path: req.originalUrl.split('?')[0]!, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, op: res.locals.operationName });
      });
      next();
    });
  }

  // Every response, API included: nosniff and no framing matter for JSON and CSV too.
  app.use(securityHeaders);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const guardWebSocket = webSocketGuard(schema, config.NODE_ENV === 'production');
  const wsCleanup = useServer<Record<string, unknown>, { context?: GraphQLContext }>(
    {
      schema,
      execute,
      subscribe,
      // Authenticate once, in connection_init; refuse the socket (4403) without a valid viewer.
      onConnect: async (ctx) => {
        // A bearer token in the connection parameters, or the SPA's session cookie sent with the
        // upgrade request plus its CSRF token in the parameters (a page of another site can open
        // a socket here, but cannot know that token).
        const params = ctx.connectionParams ?? {};
        const context = await createRequestContext(
          services,
          {
            authorization: typeof params.authorization === 'string' ? params.authorization : undefined,
            app: sessionApp(params.app),
            cookieHeader: ctx.extra.request.headers.cookie,
            csrfToken: typeof params.csrfToken === 'string' ? params.csrfToken : undefined,
          },
          { ip: () => ctx.extra.request.socket.remoteAddress ?? '', userAgent: ctx.extra.request.headers['user-agent'] },
        );
        if (!context.viewer || context.viewer.kind === 'API_KEY') return false;
        ctx.extra.context = context;
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => guardWebSocket(payload),
      onError: (_ctx, _id, _payload, errors) => formatWebSocketErrors(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatWebSocketErrors(result.errors) } : undefined),
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
    formatError: formatGraphQLError,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: queryLimitRules(),
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Compact JSON: Apollo's default indents every response, which costs CPU and bytes on every
    // call and grows with the result (a 365-day series, a page of logs).
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // We give no cache hints and send no Cache-Control for GraphQL; the default cache-control
      // plugin would still hook every resolved field of every operation.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      ...(logRequests ? [loggingPlugin] : []),
      requestHooksPlugin(schema),
    ],
  });
  await apollo.start();

  const cookieOptions = { maxAgeSeconds: config.SESSION_MAX_DAYS * 86_400, publicUrlIsHttps: (config.PUBLIC_URL ?? '').startsWith('https://') };
  // The API is mounted first: every recordUsage passes through Express's layers in order.
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await createRequestContext(services, httpCredentials(req), {
          ip: () => req.ip ?? '',
          userAgent: req.headers['user-agent'],
          sessionCookies: httpSessionCookies(req, res, cookieOptions),
        });
        // Only the request log reads the response (the operation's name); otherwise every
        // context keeps its class's shape.
        return logRequests ? Object.assign(context, { res }) : context;
      },
    }),
  );

  // The metering gateway: provider calls in, metered, out (its own body handling and error shapes).
  app.use('/gateway', gatewayRouter(services.gateway, services.callRecords, { openAiBaseUrl: config.OPENAI_BASE_URL, elevenLabsBaseUrl: config.ELEVENLABS_BASE_URL, timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS }, logger));

  // Body-parser failures answer in GraphQL's shape (core/http/body-errors.ts).
  app.use('/graphql', ((error, req, res, next) => {
    const status = (error as { status?: number }).status;
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    if (!tooLarge && !(status && status >= 400 && status < 500)) return next(error);
    const answer = unreadableBodyAnswer(tooLarge ? 'too-large' : 'not-json', req.headers.accept, MAX_BODY_BYTES);
    res.status(answer.status).setHeader('Content-Type', answer.type);
    res.send(answer.body);
  }) as express.ErrorRequestHandler);

  app.get('/healthz', async (_req, res) => {
    if (state.draining) return void res.status(503).json({ status: 'draining' });
    try {
      await Promise.race([
        services.db.pool.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000)),
      ]);
      if (!(await isMigrated(services.db.orm))) return void res.status(503).json({ status: 'migrating' });
      res.status(200).json({ status: 'ok', gatewayQueue: services.gateway.journalDepth });
    } catch {
      res.status(503).json({ status: 'database unavailable', gatewayQueue: services.gateway.journalDepth });
    }
  });

  const forgetPool = metrics.observePool(services.db.pool);
  const forgetGatewayQueue = metrics.observeGatewayQueue(() => services.gateway.journalDepth);
  app.get('/metrics', metricsHandler(config.METRICS_TOKEN));

  app.get('/export/usage.csv', (req, res) => void exportUsageCsv(services, req, res));
  app.get('/export/statements/:tenantId/:file', (req, res) => void downloadStatement(services, req, res));
  app.get('/export/margins.csv', (req, res) => void exportMarginsCsv(services, req, res));

  const webRoot = resolve(projectRoot, config.WEB_ROOT);
  app.use('/admin', spaRouter(join(webRoot, 'admin-web', 'dist'), 'admin'));
  app.use('/portal', spaRouter(join(webRoot, 'customer-web', 'dist'), 'customer'));
  app.get('/', (_req, res) => res.redirect(302, '/admin/'));
  app.use(((error, _req, res, _next) => {
    logger.error({ err: (error as Error).message }, 'unhandled request error');
    if (!res.headersSent) res.status(500).type('application/json').send(INTERNAL_ERROR_BODY);
  }) as express.ErrorRequestHandler);

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
      forgetPool();
      forgetGatewayQueue();
      await apollo.stop();
    },
  };
}
