import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import Negotiator from 'negotiator';
import { DomainError, ErrorCode, UserInputError, formatError } from '../graphql/errors.js';
import { assertCostWithinLimit } from '../graphql/query-cost.js';
import { QUERY_LIMITS, QueryLimitError, isTokenLimitError, queryLimitRules } from '../graphql/query-limits.js';
import { unstorableLiteralIn, unstorableTextIn } from '../graphql/text-input-guard.js';
import { metrics, operationLabel } from '../metrics/metrics.js';

/**
 * The server's formatError with one addition: graphql-js reports a passed token limit as a plain
 * syntax error; it becomes QUERY_TOO_COMPLEX like the other limits.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isTokenLimitError(error)) {
    const limit = new QueryLimitError('TOKENS', QUERY_LIMITS.maxTokens);
    return { message: limit.message, extensions: { ...limit.extensions } };
  }
  return formatError(formatted, error);
}

/**
 * The checks that need the resolved operation and its variable values, shared by HTTP and the
 * WebSocket: the cost limit, then text PostgreSQL cannot store (refused before anything runs, so
 * a rejected write never half-happens). Throws a DomainError.
 */
export function checkResolvedOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): void {
  assertCostWithinLimit(schema, document, operationName, variables ?? undefined);
  const problem = unstorableTextIn(variables ?? undefined) ?? unstorableLiteralIn(document);
  if (problem) throw new UserInputError(problem);
}

/** The code the client will see: Apollo wraps validation errors, so ours sit one level down. */
export function metricCode(error: GraphQLError): string {
  if (isTokenLimitError(error)) return ErrorCode.QUERY_TOO_COMPLEX;
  const original = error.originalError;
  if (original instanceof DomainError) return String(original.extensions.code);
  return typeof error.extensions?.code === 'string' ? error.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Errors that refuse a well-formed request before anything runs (GraphQL over HTTP's "request
 * errors"): parse, validation (our limits included), variable coercion and the operation checks.
 */
const REQUEST_ERROR_CODES = new Set<unknown>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

/** The media types Apollo picks from, in its order (`chooseContentTypeForSingleResultResponse`). */
const RESPONSE_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/** Whether Apollo will answer in plain application/json: no Accept, or one that prefers it. */
function answersPlainJson(accept: string | undefined): boolean {
  return !accept || new Negotiator({ headers: { accept } }).mediaType(RESPONSE_MEDIA_TYPES) === RESPONSE_MEDIA_TYPES[0];
}

/**
 * GraphQL over HTTP: with application/json a request error is answered 200 (the spec's SHOULD:
 * generic HTTP tools cannot read a 4xx body as GraphQL); application/graphql-response+json, which
 * the SPAs and the SDK prefer, keeps Apollo's 400. Requests that are not well-formed (bad JSON,
 * no query, batches, CSRF) are answered before this hook or as BAD_REQUEST, and keep their 4xx.
 */
function requestErrorStatus({ request, response }: GraphQLRequestContextWillSendResponse<object>): void {
  if (response.http.status !== 400 || response.body.kind !== 'single') return;
  const { data, errors } = response.body.singleResult;
  if (data !== undefined || !errors?.length) return;
  if (!errors.every((error) => REQUEST_ERROR_CODES.has(error.extensions?.code))) return;
  if (answersPlainJson(request.http?.headers.get('accept'))) response.http.status = 200;
}

/**
 * Every HTTP GraphQL request's own hooks, in one listener:
 * - once Apollo has resolved the operation, before execution, the shared operation checks;
 * - latency by operation and error counts by code (metrics);
 * - the status of a request error answered in application/json.
 * One plugin rather than one per concern: Apollo awaits every listener at each of a request's
 * ten or so lifecycle steps, and a second listener was a measurable share of recordUsage's CPU.
 */
export function requestHooksPlugin<T extends object>(schema: GraphQLSchema): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ document, operationName, request }) {
          try {
            checkResolvedOperation(schema, document, operationName, request.variables);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // Wrapped so formatError finds the DomainError (and its extensions) and Apollo answers 400.
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { ...error.extensions, http: { status: 400 } },
            });
          }
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) metrics.graphqlErrors.inc({ code: metricCode(error) });
        },
        async willSendResponse(requestContext) {
          const { operation, operationName } = requestContext;
          requestErrorStatus(requestContext);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe(
            {
              operation: operation ? operationLabel(operationName) : 'unresolved',
              type: operation?.operation ?? 'none',
            },
            seconds,
          );
        },
      };
    },
  };
}

/**
 * graphql-ws parses and validates by itself, without Apollo's options: this gives it the same
 * token, depth, alias, directive and cost limits and the storable-text check, and (in production)
 * refuses introspection.
 * Errors are returned, not thrown, so the client gets an error message and the socket stays open.
 */
export function webSocketGuard(schema: GraphQLSchema, production: boolean) {
  const rules = [
    ...specifiedRules,
    ...queryLimitRules(),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  return (payload: SubscribePayload): Omit<ExecutionArgs, 'contextValue'> | GraphQLError[] => {
    let document;
    try {
      document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
    } catch (error) {
      if (isTokenLimitError(error)) return [new QueryLimitError('TOKENS', QUERY_LIMITS.maxTokens)];
      return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const errors = validate(schema, document, rules);
    if (errors.length > 0) {
      return errors.map((e) =>
        e instanceof DomainError
          ? e
          : new GraphQLError(e.message, {
              nodes: e.nodes,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
      );
    }
    try {
      checkResolvedOperation(schema, document, payload.operationName, payload.variables);
    } catch (error) {
      if (error instanceof DomainError) return [error];
      throw error;
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}

/** Errors sent over the WebSocket get the same masking as HTTP responses. */
export function formatWebSocketErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) =>
    formatGraphQLError(
      error.toJSON(),
      error instanceof DomainError ? new GraphQLError(error.message, { originalError: error }) : error,
    ),
  );
}
