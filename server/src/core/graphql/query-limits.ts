import {
  Kind,
  type GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DomainError, ErrorCode, UserInputError } from './errors.js';

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

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives of an operation with its fragments expanded. Each fragment is
 * measured once (memoised), so a fragment spread many times costs linear time, not exponential;
 * a cyclic spread counts as empty here (NoFragmentCyclesRule rejects it).
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
): Measure {
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const ofFragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const definition = fragment(name);
    if (!definition || inProgress.has(name)) return { depth: 0, aliases: 0, directives: 0 };
    inProgress.add(name);
    const measured = ofSelections(definition.selectionSet);
    measured.directives += definition.directives?.length ?? 0;
    inProgress.delete(name);
    memo.set(name, measured);
    return measured;
  };
  const ofSelections = (selectionSet: SelectionSetNode | undefined): Measure => {
    const total: Measure = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      total.directives += selection.directives?.length ?? 0;
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        inner = ofSelections(selection.selectionSet);
        inner = { ...inner, depth: inner.depth + 1, aliases: inner.aliases + (selection.alias ? 1 : 0) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = ofSelections(selection.selectionSet);
      } else {
        inner = ofFragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.directives += inner.directives;
    }
    return total;
  };
  const measured = ofSelections(operation.selectionSet);
  measured.directives += operation.directives?.length ?? 0;
  return measured;
}

/** Validation rules for depth, aliases and directives; they run with graphql-js's own rules. */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  const rule: ValidationRule = (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const measured = measureOperation(operation, (name) => context.getFragment(name));
      if (measured.depth > limits.maxDepth)
        context.reportError(new QueryLimitError('DEPTH', limits.maxDepth, measured.depth));
      if (measured.aliases > limits.maxAliases)
        context.reportError(new QueryLimitError('ALIASES', limits.maxAliases, measured.aliases));
      if (measured.directives > limits.maxDirectives)
        context.reportError(new QueryLimitError('DIRECTIVES', limits.maxDirectives, measured.directives));
      return false;
    },
  });
  return [rule];
}

/** Whether a cost computation read any variable: one that did not holds for every request. */
interface VariableReads {
  any: boolean;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>, reads: VariableReads): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      reads.any = true;
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables, reads)]));
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}

/**
 * The size a field's arguments ask for: a size argument (as sent, or the schema default), looked
 * for on the field and one level down in input objects (`input: { days }`); undefined when it has
 * none. A size outside 1…maxListSize is refused here, before any resolver runs. Only arguments
 * that are or hold a size are evaluated, so `reads` tells whether the answer hung on a variable.
 */
function requestedSize(
  node: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  reads: VariableReads,
): number | undefined {
  for (const argument of definition.args) {
    const isSize = (LIST_SIZE_ARGUMENTS as readonly string[]).includes(argument.name);
    const inputType = getNamedType(argument.type);
    const nestedSizes = isInputObjectType(inputType) ? LIST_SIZE_ARGUMENTS.filter((name) => name in inputType.getFields()) : [];
    if (!isSize && nestedSizes.length === 0) continue;
    const sent = node.arguments?.find((a) => a.name.value === argument.name);
    const value = sent ? valueOf(sent.value, variables, reads) : argument.defaultValue;
    const candidates: [string, unknown][] = [];
    if (isSize) candidates.push([argument.name, value]);
    if (isInputObjectType(inputType) && value && typeof value === 'object') {
      for (const name of nestedSizes) {
        candidates.push([`${argument.name}.${name}`, (value as Record<string, unknown>)[name] ?? inputType.getFields()[name]!.defaultValue]);
      }
    }
    for (const [field, size] of candidates) {
      if (size === undefined || size === null) continue;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > limits.maxListSize) {
        throw new UserInputError({ field, message: `must be an integer from 1 to ${limits.maxListSize}` });
      }
      return size;
    }
  }
  return undefined;
}

/**
 * Estimated objects the operation returns: every composite field counts once per item of every
 * list above it, so `tenants { apiKeys { … } }` costs 50 × 50. Introspection fields (`__…`) are
 * free: production refuses introspection outright, and the depth and token limits still bound it.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
  limits: QueryLimits = QUERY_LIMITS,
): number {
  // Apollo hands every request for the same text the same parsed document: a cost that read no
  // variable (every recordUsage) is worked out once per document, not once per request.
  const known = limits === QUERY_LIMITS ? variableFreeCosts.get(schema)?.get(document)?.get(operationName ?? '') : undefined;
  if (known !== undefined) return known;
  const reads: VariableReads = { any: false };
  const cost = computeCost(schema, document, operationName, variables, limits, reads);
  if (!reads.any && limits === QUERY_LIMITS) {
    let bySchema = variableFreeCosts.get(schema);
    if (!bySchema) variableFreeCosts.set(schema, (bySchema = new WeakMap()));
    let byOperation = bySchema.get(document);
    if (!byOperation) bySchema.set(document, (byOperation = new Map()));
    byOperation.set(operationName ?? '', cost);
  }
  return cost;
}

const variableFreeCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  reads: VariableReads,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // A fragment's cost does not depend on where it is spread: memoised, so nested fragments each
  // spread twice cost linear time rather than 2^depth.
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();
  // `spread` holds the fragments already collected into this selection set: like graphql-js's
  // collectFields, a fragment spread twice at one level is executed once.
  // `pageSize` is the size asked of a connection (`usageLogs(first: 10) { nodes }`): it applies to
  // the lists directly inside it.
  const costOf = (
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLCompositeType,
    pageSize?: number,
    spread = new Set<string>(),
  ): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !('getFields' in parent)) continue;
        const definition = parent.getFields()[selection.name.value];
        if (!definition) continue;
        const type = getNamedType(definition.type);
        if (!isCompositeType(type)) continue;
        const asked = requestedSize(selection, definition, variables, limits, reads);
        const isList = isListType(getNullableType(definition.type));
        const size = isList ? (asked ?? pageSize ?? limits.defaultListSize) : 1;
        total += size * (1 + costOf(selection.selectionSet, type, isList ? undefined : asked));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        total += costOf(
          selection.selectionSet,
          condition && isCompositeType(condition) ? condition : parent,
          pageSize,
          spread,
        );
      } else {
        const name = selection.name.value;
        const definition = fragments.get(name);
        if (!definition || visiting.has(name) || spread.has(name)) continue;
        spread.add(name);
        const key = `${name}|${pageSize ?? ''}`;
        if (!fragmentCosts.has(key)) {
          const condition = schema.getType(definition.typeCondition.name.value);
          visiting.add(name);
          fragmentCosts.set(
            key,
            costOf(
              definition.selectionSet,
              condition && isCompositeType(condition) ? condition : parent,
              pageSize,
            ),
          );
          visiting.delete(name);
        }
        total += fragmentCosts.get(key)!;
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root);
}

/** Throws QUERY_TOO_COMPLEX above maxCost, BAD_USER_INPUT for a size argument out of range. */
export function assertCostWithinLimit(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits = QUERY_LIMITS,
): number {
  const cost = operationCost(schema, document, operationName, variables ?? {}, limits);
  if (cost > limits.maxCost) throw new QueryLimitError('COST', limits.maxCost, cost);
  return cost;
}
