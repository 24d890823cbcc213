import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { DomainError, ErrorCode } from './errors.js';

/**
 * Limits every operation must stay within, on HTTP and over the WebSocket. Chosen with room above
 * the largest document either SPA sends (query-limits.test.ts runs every one of them through
 * these rules) and above graphql-js's own introspection query, which development tools send.
 */
export const QUERY_LIMITS = {
  /**
   * Nested field levels, root fields being level 1. The product's types hold no cycle (its deepest
   * path is 5), so in practice this bounds introspection's `ofType` chains: graphql-js's own
   * introspection query is exactly 15 deep.
   */
  maxDepth: 15,
  /** Aliased fields per operation, fragments expanded: bounds `a: login(…) b: login(…)` batching. */
  maxAliases: 15,
  /** Directive uses per operation, fragments expanded. */
  maxDirectives: 10,
  /** Lexical tokens per document; the parser stops reading there (graphql-js `maxTokens`). */
  maxTokens: 5_000,
  /** Estimated objects an operation may return: each composite field × the list sizes above it. */
  maxCost: 10_000,
  /** Largest page a size argument may ask for; services cap tighter where they need to. */
  maxListSize: 500,
  /** Assumed length of a list field that takes no size argument. */
  defaultListSize: 50,
} as const;

export type QueryLimits = { [K in keyof typeof QUERY_LIMITS]: number };

/** Arguments that say how many items a list field returns (directly or inside an input object). */
export const LIST_SIZE_ARGUMENTS = ['first', 'limit', 'months', 'days'] as const;

export type LimitName = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'TOKENS' | 'COST';

/** QUERY_TOO_COMPLEX with the limit that was passed, its maximum and the measured value. */
export class QueryLimitError extends DomainError {
  constructor(limit: LimitName, maximum: number, actual?: number) {
    const measured = actual === undefined ? '' : ` (${actual})`;
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      `Query exceeds the ${limit.toLowerCase()} limit of ${maximum}${measured}`,
      {
        limit,
        maximum,
        ...(actual === undefined ? {} : { actual }),
      },
    );
  }
}

/** graphql-js's parser aborts with this message (sic: "more that") once `maxTokens` is passed. */
export function isTokenLimitError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    if (/Document contains more that \d+ tokens/.test(current.message)) return true;
    seen.add(current);
    current = (current as GraphQLError).originalError;
  }
  return false;
}

/** Called with each operation's measure, refused or not (the tests log the SPAs' worst case). */
export type LimitObserver = (limit: LimitName, measured: number) => void;

/**
 * graphql-armor hands a refusal over only as its message ("… limit of 15 exceeded, found 16."):
 * the measured value is read back from it so clients keep getting `extensions.actual`.
 */
function measuredIn(error: GraphQLError): number | undefined {
  const found = /found (\d+)\.$/.exec(error.message)?.[1];
  return found === undefined ? undefined : Number(found);
}

/**
 * The options every armor rule gets: the refusal is reported as our QueryLimitError, never thrown
 * (by default armor throws out of `validate` a plain "Syntax Error" with no code).
 */
function armorCallbacks(limit: LimitName, maximum: number, observe?: LimitObserver) {
  return {
    n: maximum,
    exposeLimits: true,
    propagateOnRejection: false,
    onAccept: [(_context: ValidationContext | null, details: { n: number }) => observe?.(limit, details.n)],
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const actual = measuredIn(error);
        if (actual !== undefined) observe?.(limit, actual);
        context?.reportError(new QueryLimitError(limit, maximum, actual));
      },
    ],
  };
}

/**
 * Depth, aliases and directives per operation, fragments expanded, by graphql-armor's rules; they
 * run with graphql-js's own rules. Options that differ from armor's defaults keep the limits
 * counted as core/http/README.md describes them:
 * - depth: `flattenFragments` (a spread or inline fragment is no level of the response) and
 *   introspection counted (armor skips `__schema` by default; the limit exists for `ofType` chains);
 * - aliases: `allowList: []`, so `a: __typename b: __typename …` counts like any alias.
 * Known difference: armor memoises a fragment per document and counts the directives on a spread
 * of an already-seen fragment not again (`...F @include(if: $a)` twice is 1); graphql-js allows at
 * most one @include and one @skip per spread, and the token limit bounds the spreads.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS, observe?: LimitObserver): ValidationRule[] {
  return [
    maxDepthRule({
      ...armorCallbacks('DEPTH', limits.maxDepth, observe),
      flattenFragments: true,
      ignoreIntrospection: false,
    }),
    maxAliasesRule({ ...armorCallbacks('ALIASES', limits.maxAliases, observe), allowList: [] }),
    maxDirectivesRule(armorCallbacks('DIRECTIVES', limits.maxDirectives, observe)),
  ];
}
