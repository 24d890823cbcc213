// B0, the ceiling: a bare Apollo Server 5 with the HTTP integration the rest of the API runs on
// in server/src/app.ts (node:http + Express 5 + express.json + @as-integrations/express5, CSRF
// prevention on), one trivial mutation with the same input type as recordUsage, no database.
// recordUsage itself takes the server's hot path in front of Express and Apollo
// (server/src/core/http/hot-operations.ts); B0 stays the bare-Apollo reference the target names.
// The packages come from the server's own node_modules, so both run the very same versions.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lib/servers.mjs';

const require = createRequire(join(ROOT, 'server', 'package.json'));
const { ApolloServer } = require('@apollo/server');
const { expressMiddleware } = require('@as-integrations/express5');
const express = require('express');

const typeDefs = `#graphql
  enum Service { OPENAI ELEVENLABS SMARTFLO }
  enum CallStatus { SUCCESS ERROR }
  scalar JSON
  input RecordUsageInput {
    tenantId: ID, service: Service!, model: String, inputTokens: Int, cachedInputTokens: Int, outputTokens: Int,
    characters: Int, durationSeconds: Float, status: CallStatus = SUCCESS, requestId: String!, occurredAt: String, metadata: JSON
  }
  type UsageLog { id: ID!, costUsd: String! }
  type RecordUsagePayload { duplicate: Boolean!, log: UsageLog! }
  type Query { ok: Boolean! }
  type Mutation { recordUsage(input: RecordUsageInput!): RecordUsagePayload! }
`;
let counter = 0;
const resolvers = {
  Query: { ok: () => true },
  Mutation: { recordUsage: () => ({ duplicate: false, log: { id: String(++counter), costUsd: '0.001' } }) },
};

const app = express();
app.disable('x-powered-by');
const httpServer = createServer(app);
const apollo = new ApolloServer({ typeDefs, resolvers, csrfPrevention: true, introspection: false, allowBatchedHttpRequests: false });
await apollo.start();
// The same per-request work the real server does before GraphQL: read the bearer header.
app.use('/graphql', express.json({ limit: 17 * 1024 * 1024 }), expressMiddleware(apollo, { context: async ({ req }) => ({ authorization: req.headers.authorization }) }));
httpServer.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => httpServer.close(() => process.exit(0)));
