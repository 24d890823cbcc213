import {
  Kind,
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
  type ValueNode,
} from 'graphql';
import { UserInputError } from './errors.js';
import { LIST_SIZE_ARGUMENTS, QUERY_LIMITS, QueryLimitError, type QueryLimits } from './query-limits.js';

/*
 * The cost estimate is ours, not a library's. graphql-query-complexity (the maintained estimator
 * framework) calls a field's estimator with its own arguments and its children's summed cost
 * only, so (1) a connection's page size cannot reach the list inside it: `usageLogs(first: 10)
 * { nodes { … } }` would cost nodes at the default 50, not 10; (2) it expands every fragment
 * spread anew, without memo or graphql-js's collectFields dedup, so `{ ...Q ...Q }` counts twice
 * and nested fragments spread twice per level hit its node budget (an error, not a cost) after
 * 10,000 nodes. graphql-armor's cost-limit reads only literal `first`/`last` and no variables.
 */

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
