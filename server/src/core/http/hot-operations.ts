import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  GraphQLError,
  Kind,
  execute,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import Negotiator from 'negotiator';
import { ErrorCode } from '../graphql/errors.js';
import { QUERY_LIMITS, queryLimitRules } from '../graphql/query-limits.js';
import { metrics, operationLabel } from '../metrics/metrics.js';
import { INTERNAL_ERROR_BODY, unreadableBodyAnswer } from './body-errors.js';
import { APP_HEADER } from './session-cookies.js';
import { checkResolvedOperation, metricCode } from './graphql-guards.js';

/**
 * The ingestion hot path: `recordUsage(s)` over HTTP answered without Express, body-parser and
 * Apollo's request pipeline (about half of the server's CPU per event under bench B1t, measured
 * with `--cpu-prof`), executing the same schema and resolvers with graphql-js.
 *
 * It serves only what it can answer exactly as Apollo would: a POST to `/graphql` with an
 * `application/json` body of known length, a bearer credential, no SPA app header, an Accept
 * that Apollo answers in plain JSON or graphql-response+json, and a document (parsed and
 * validated once per query text, with Apollo's rules and our limits) whose one operation is a
 * mutation of the hot fields only. Every other request, and every one of these refused before
 * execution (operation checks, variable coercion), is handed to Express and Apollo with the body
 * already read, so those answers stay Apollo's own. What it answers itself carries the same
 * formatError, status, media type, body field order, security headers, metrics and request log
 * line (hot-operations.test.ts compares both paths case by case).
 */
export interface HotOperationsOptions<TContext> {
  schema: GraphQLSchema;
  /** Mutation fields served here. */
  fields: readonly string[];
  /** The request's GraphQL context, as Apollo's context function builds it. */
  createContext(req: IncomingMessage): Promise<TContext>;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Headers every response carries (the app's security headers). */
  commonHeaders: Readonly<Record<string, string>>;
  maxBodyBytes: number;
  /** The request log line, when info lines are on. */
  logRequest?: (line: RequestLogLine) => void;
  logError(message: string): void;
}

/** A request's log line as the app writes it for every request (ms unrounded). */
export interface RequestLogLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  op: string | undefined;
}

type Fallback = (req: IncomingMessage, res: ServerResponse) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, fallback: Fallback) => void;

interface HotDocument {
  document: DocumentNode;
  operationName: string | null;
}

/** Distinct hot documents kept; integrators send a handful. Past it, new ones go to Apollo. */
const MAX_CACHED_DOCUMENTS = 256;
/** Distinct Accept headers whose negotiated media type is kept; past it, each is negotiated. */
const MAX_CACHED_ACCEPTS = 256;

/** Apollo's single-result media types (`chooseContentTypeForSingleResultResponse`), in its order. */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const APOLLO_MEDIA_TYPES = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'application/json; callbackSpec=1.0; charset=utf-8'];

export function hotOperations<TContext>(options: HotOperationsOptions<TContext>): Handler {
  const { schema, maxBodyBytes } = options;
  const hotFields = new Set(options.fields);
  const rules = [...specifiedRules, ...queryLimitRules()];
  const documents = new Map<string, HotDocument | null>();
  const mediaTypes = new Map<string, string | null>();

  /** The document if it is hot: parsed and validated once per distinct query text. */
  function hotDocument(query: string): HotDocument | null | undefined {
    const known = documents.get(query);
    if (known !== undefined || documents.size >= MAX_CACHED_DOCUMENTS) return known;
    // Other callers' documents are never parsed here nor cached: they cannot crowd out these.
    if (!options.fields.some((field) => query.includes(field))) return null;
    let found: HotDocument | null = null;
    try {
      const document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
      const [definition] = document.definitions;
      const operation = document.definitions.length === 1 && definition?.kind === Kind.OPERATION_DEFINITION ? definition : undefined;
      const onlyHotFields =
        operation?.operation === 'mutation' &&
        operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && hotFields.has(s.name.value) && !s.directives?.length);
      if (onlyHotFields && validate(schema, document, rules).length === 0) {
        found = { document, operationName: operation.name?.value ?? null };
      }
    } catch {
      // Parse errors are Apollo's to answer.
    }
    documents.set(query, found);
    return found;
  }

  /** The media type Apollo would answer in, if it is one served here. */
  function responseMediaType(accept: string | undefined): string | null {
    if (!accept) return APPLICATION_JSON;
    let type = mediaTypes.get(accept);
    if (type === undefined) {
      const preferred = new Negotiator({ headers: { accept } }).mediaType(APOLLO_MEDIA_TYPES);
      type = preferred === APPLICATION_JSON || preferred === GRAPHQL_RESPONSE_JSON ? preferred : null;
      if (mediaTypes.size < MAX_CACHED_ACCEPTS) mediaTypes.set(accept, type);
    }
    return type;
  }

  function respond(res: ServerResponse, status: number, mediaType: string, body: string): void {
    res.writeHead(status, { ...options.commonHeaders, 'Content-Type': mediaType, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  /** Errors as Apollo normalizes them (`normalizeAndFormatErrors`): a code, an http status taken out, then formatError. */
  function formatErrors(errors: readonly GraphQLError[]): { status: number | undefined; errors: GraphQLFormattedError[] } {
    let status: number | undefined;
    const formatted = errors.map((error) => {
      const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
      const http = extensions.http as { status?: unknown } | undefined;
      if (http && typeof http === 'object') {
        if (typeof http.status === 'number') status = http.status;
        delete extensions.http;
      }
      try {
        return options.formatError({ ...error.toJSON(), extensions }, error);
      } catch {
        return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      }
    });
    return { status, errors: formatted };
  }

  /** The answer to an executed operation: 200 unless an error carries a status, fields in Apollo's order. */
  function executionAnswer(result: ExecutionResult): { status: number; body: string } {
    if (!result.errors?.length) return { status: 200, body: JSON.stringify({ data: result.data, extensions: result.extensions }) };
    for (const error of result.errors) metrics.graphqlErrors.inc({ code: metricCode(error) });
    const { status, errors } = formatErrors(result.errors);
    return { status: status ?? 200, body: JSON.stringify({ errors, data: result.data, extensions: result.extensions }) };
  }

  /**
   * A context that could not be built (the database is down while authenticating): Apollo's
   * `errorResponse`, 500 unless the error names a status. Answered here, not handed over, so the
   * caller does not wait for a second attempt against the same outage.
   */
  function contextFailureAnswer(error: unknown): { status: number; body: string } {
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(`Context creation failed: ${error instanceof Error ? error.message : String(error)}`, { originalError: error instanceof Error ? error : undefined });
    const { status, errors } = formatErrors([graphqlError]);
    return { status: status ?? 500, body: JSON.stringify({ errors }) };
  }

  async function serve(req: IncomingMessage, res: ServerResponse, fallback: Fallback, raw: Buffer, mediaType: string, started: bigint) {
    let body: unknown;
    try {
      // body-parser decodes with iconv-lite, which drops a byte-order mark; so does this.
      const text = raw.toString('utf8');
      body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      body = undefined;
    }
    // What body-parser (strict) refuses: not JSON, or JSON that is neither an object nor an array.
    if (body === null || typeof body !== 'object') {
      const answer = unreadableBodyAnswer('not-json', req.headers.accept, maxBodyBytes);
      return respond(res, answer.status, answer.type, answer.body);
    }
    // Anything but a plain request object (a batch, extensions, odd fields) is Apollo's.
    const request = body as { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
    const hot =
      !Array.isArray(request) &&
      typeof request.query === 'string' &&
      request.extensions === undefined &&
      (request.variables === undefined || request.variables === null || (typeof request.variables === 'object' && !Array.isArray(request.variables))) &&
      (request.operationName === undefined || request.operationName === null || typeof request.operationName === 'string')
        ? hotDocument(request.query)
        : null;
    const handOver = () => {
      // body-parser sees a finished request and keeps the body already read.
      (req as IncomingMessage & { body?: unknown }).body = body;
      metrics.graphqlHotPath.inc({ outcome: 'handed_over' });
      fallback(req, res);
    };
    if (!hot || (typeof request.operationName === 'string' && request.operationName !== hot.operationName)) return handOver();
    const variables = (request.variables ?? undefined) as Record<string, unknown> | undefined;
    try {
      checkResolvedOperation(schema, hot.document, hot.operationName, variables);
    } catch {
      return handOver();
    }
    let contextValue: TContext;
    try {
      contextValue = await options.createContext(req);
    } catch (error) {
      const { status, body: answer } = contextFailureAnswer(error);
      respond(res, status, mediaType, answer);
      metrics.graphqlHotPath.inc({ outcome: 'served' });
      return;
    }
    const result = (await execute({ schema, document: hot.document, contextValue, variableValues: variables, operationName: hot.operationName })) as ExecutionResult;
    // No data at all: the variables did not coerce, nothing ran; Apollo words that refusal.
    if (!('data' in result) || result.data === undefined) return handOver();
    const { status, body: answer } = executionAnswer(result);
    respond(res, status, mediaType, answer);
    metrics.graphqlHotPath.inc({ outcome: 'served' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const op = operationLabel(hot.operationName);
    metrics.graphqlDuration.observe({ operation: op, type: 'mutation' }, seconds);
    options.logRequest?.({ method: 'POST', path: '/graphql', status, ms: seconds * 1000, op: hot.operationName ?? 'mutation' });
  }

  return (req, res, fallback) => {
    const headers = req.headers;
    const length = Number(headers['content-length']);
    const mediaType =
      req.method === 'POST' &&
      req.url === '/graphql' &&
      isJsonContentType(headers['content-type']) &&
      headers.authorization !== undefined &&
      headers[APP_HEADER] === undefined &&
      headers['transfer-encoding'] === undefined &&
      length > 0 &&
      length <= maxBodyBytes
        ? responseMediaType(headers.accept)
        : null;
    if (!mediaType) return fallback(req, res);
    const started = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    // A caller that hangs up mid-body: nothing to answer, and no unhandled 'error' event.
    req.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      serve(req, res, fallback, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), mediaType, started).catch((error: unknown) => {
        // As the app's last error handler answers.
        options.logError((error as Error).message);
        if (!res.headersSent) respond(res, 500, APPLICATION_JSON, INTERNAL_ERROR_BODY);
      });
    });
  };
}

/** `application/json`, optionally with a UTF-8 charset: the only bodies body-parser reads the same way. */
function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.toLowerCase().replace(/\s+/g, '');
  return type === 'application/json' || type === 'application/json;charset=utf-8';
}
