import { readFileSync, readdirSync } from 'node:fs';
import { END_USER_PAGE_SIZE_LIMIT } from '../../modules/end-users/end-user-page.js';
import { join } from 'node:path';
import {
  GraphQLError,
  Kind,
  Lexer,
  NoUnusedFragmentsRule,
  Source,
  TokenKind,
  print,
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ValidationRule,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../config/config.js';
import { assertCostWithinLimit, operationCost } from './query-cost.js';
import { QUERY_LIMITS, isTokenLimitError, queryLimitRules, type LimitName } from './query-limits.js';

const schema = buildSchema(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'));
const limitCodes = (document: DocumentNode) =>
  validate(schema, document, queryLimitRules()).map((e) => [e.extensions.code, e.extensions.limit]);

/** The largest depth, aliases and directives the rules measured in any operation of a document. */
function measure(document: DocumentNode, rules: ValidationRule[] = []): Record<'depth' | 'aliases' | 'directives', number> & { errors: readonly GraphQLError[] } {
  const worst: Partial<Record<LimitName, number>> = {};
  const errors = validate(schema, document, [
    ...rules,
    ...queryLimitRules(QUERY_LIMITS, (limit, n) => (worst[limit] = Math.max(worst[limit] ?? 0, n))),
  ]);
  return { depth: worst.DEPTH ?? 0, aliases: worst.ALIASES ?? 0, directives: worst.DIRECTIVES ?? 0, errors };
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === '__generated__'
        ? []
        : graphqlFiles(join(dir, entry.name))
      : entry.name.endsWith('.graphql')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each SPA operation as the app sends it: the operation plus every fragment of that app and of the web kit. */
function appOperations(app: string): { name: string; document: DocumentNode }[] {
  const definitions = [...graphqlFiles(join(projectRoot, app, 'src')), ...graphqlFiles(join(projectRoot, 'web-kit', 'src'))].flatMap(
    (file) => parse(readFileSync(file, 'utf8')).definitions,
  );
  const fragments = definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: `${app}:${operation.name?.value}`,
      document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
    }));
}

/**
 * Every size variable at the largest value the server accepts: the worst case of each document.
 * endUsers pages hold at most END_USER_PAGE_SIZE_LIMIT rows (a larger `first` is refused).
 */
function worstCaseVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const sizes = ['first', 'limit', 'months', 'days'];
  const endUsers = print(operation).includes('endUsers(');
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((v) => sizes.includes(v.variable.name.value))
      .map((v) => [v.variable.name.value, endUsers && v.variable.name.value === 'first' ? END_USER_PAGE_SIZE_LIMIT : QUERY_LIMITS.maxListSize]),
  );
}

function tokenCount(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

const tokens = (source: string) => {
  try {
    parse(source, { maxTokens: QUERY_LIMITS.maxTokens });
    return 'ok';
  } catch (error) {
    return isTokenLimitError(error) ? 'TOKENS' : 'other';
  }
};

describe('query limits', () => {
  it("passes every document of both SPAs, and graphql-js's introspection query", () => {
    const operations = [...appOperations('admin-web'), ...appOperations('customer-web')];
    expect(operations.length).toBeGreaterThan(20);
    const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
    let worst = { depth: 0, aliases: 0, directives: 0, cost: 0, tokens: 0 };
    for (const { name, document } of operations) {
      const measured = measure(document, rules);
      expect(measured.errors, name).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const cost = assertCostWithinLimit(
        schema,
        document,
        operation.name?.value,
        worstCaseVariables(operation),
      );
      worst = {
        depth: Math.max(worst.depth, measured.depth),
        aliases: Math.max(worst.aliases, measured.aliases),
        directives: Math.max(worst.directives, measured.directives),
        cost: Math.max(worst.cost, cost),
        tokens: Math.max(worst.tokens, tokenCount(print(document))),
      };
    }
    const introspection = measure(parse(getIntrospectionQuery()));
    expect(introspection.errors).toEqual([]);
    const introspectionDepth = introspection.depth;
    // Introspection is measured like any query (armor would skip `__schema` by default).
    expect(introspectionDepth).toBe(QUERY_LIMITS.maxDepth);
    expect(tokens(getIntrospectionQuery())).toBe('ok');
    console.log(
      `query-limits: ${operations.length} SPA operations refused = 0; worst depth ${worst.depth}/${QUERY_LIMITS.maxDepth}, aliases ${worst.aliases}/${QUERY_LIMITS.maxAliases}, directives ${worst.directives}/${QUERY_LIMITS.maxDirectives}, cost ${worst.cost}/${QUERY_LIMITS.maxCost}, tokens ${worst.tokens}/${QUERY_LIMITS.maxTokens}; introspection: depth ${introspectionDepth}, tokens ${tokenCount(getIntrospectionQuery())}`,
    );
  });

  it("passes an integrator's batch document (the SDK's recordUsages with its result fragment)", () => {
    const batch =
      parse(`mutation RecordUsages($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { ...RecordedUsage } }
      fragment RecordedUsage on RecordUsagePayload { duplicate log { id requestId costUsd pricingStatus occurredAt }
        quotas { metric used limit percentUsed level projectedLimitAt } alerts { id type metric thresholdPercent status message createdAt } }`);
    expect(validate(schema, batch, [...specifiedRules, ...queryLimitRules()])).toEqual([]);
    // 50 assumed payloads × (1 + log + 50 quotas + 50 alerts): within the limit, whatever the batch length.
    expect(assertCostWithinLimit(schema, batch, 'RecordUsages', { inputs: [] })).toBe(50 * 102);
  });

  it('depth: L passes, L+1 is QUERY_TOO_COMPLEX, through fragments too', () => {
    // The product's schema is not that deep: a type that refers to itself reaches any depth.
    const nested = (levels: number) => {
      let selection = 'leaf';
      for (let i = 1; i < levels; i++) selection = `node { ${selection} }`;
      return parse(`{ ${selection} }`);
    };
    const tree = buildSchema('type Node { node: Node leaf: Int } type Query { node: Node leaf: Int }');
    const check = (document: DocumentNode) =>
      validate(tree, document, queryLimitRules()).map((e) => e.extensions.limit);
    expect(check(nested(QUERY_LIMITS.maxDepth))).toEqual([]);
    expect(check(nested(QUERY_LIMITS.maxDepth + 1))).toEqual(['DEPTH']);
    const viaFragment = parse(
      `{ node { ...F } } fragment F on Node { ${'node { '.repeat(QUERY_LIMITS.maxDepth - 1)}leaf${' }'.repeat(QUERY_LIMITS.maxDepth - 1)} }`,
    );
    expect(check(viaFragment)).toEqual(['DEPTH']);
  });

  it('aliases: L passes, L+1 is QUERY_TOO_COMPLEX, counted through every spread', () => {
    const aliases = (n: number) =>
      parse(`{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`);
    expect(limitCodes(aliases(QUERY_LIMITS.maxAliases))).toEqual([]);
    expect(limitCodes(aliases(QUERY_LIMITS.maxAliases + 1))).toEqual([['QUERY_TOO_COMPLEX', 'ALIASES']]);
    const half = Math.ceil((QUERY_LIMITS.maxAliases + 1) / 2);
    const spread = parse(
      `{ me { ...F } x: me { ...F } } fragment F on Viewer { ${Array.from({ length: half }, (_, i) => `e${i}: email`).join(' ')} }`,
    );
    expect(limitCodes(spread)).toEqual([['QUERY_TOO_COMPLEX', 'ALIASES']]);
  });

  it('directives: L passes, L+1 is QUERY_TOO_COMPLEX', () => {
    const directives = (n: number) =>
      parse(
        `{ ${Array.from({ length: n }, (_, i) => `a${i % 2}${i}: me @include(if: true) { id }`).join(' ')} }`,
      );
    const plain = (n: number) =>
      parse(
        `query @skip(if: false) { me { ${Array.from({ length: n - 1 }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`,
      );
    expect(
      validate(schema, plain(QUERY_LIMITS.maxDirectives), queryLimitRules()).map((e) => e.extensions.limit),
    ).not.toContain('DIRECTIVES');
    expect(
      validate(schema, plain(QUERY_LIMITS.maxDirectives + 1), queryLimitRules()).map(
        (e) => e.extensions.limit,
      ),
    ).toContain('DIRECTIVES');
    expect(
      validate(schema, directives(QUERY_LIMITS.maxDirectives + 1), queryLimitRules()).map(
        (e) => e.extensions.limit,
      ),
    ).toContain('DIRECTIVES');
  });

  it("keeps the limits' own counting where graphql-armor's defaults differ, and reports what it measured", () => {
    const tree = buildSchema('type Node { node: Node leaf: Int } type Query { node: Node leaf: Int }');
    const depthErrors = (document: string) => validate(tree, parse(document), queryLimitRules());
    // A spread or inline fragment is no level of the response: depth L through both still passes.
    const inner = `${'node { '.repeat(QUERY_LIMITS.maxDepth - 2)}leaf${' }'.repeat(QUERY_LIMITS.maxDepth - 2)}`;
    expect(depthErrors(`{ node { ... on Node { ...F } } } fragment F on Node { ${inner} }`)).toEqual([]);
    const [deep] = depthErrors(`{ node { ... on Node { ...F } } } fragment F on Node { node { ${inner} } }`);
    expect(deep?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'DEPTH',
      maximum: QUERY_LIMITS.maxDepth,
      actual: QUERY_LIMITS.maxDepth + 1,
    });
    expect(deep?.message).toBe(`Query exceeds the depth limit of ${QUERY_LIMITS.maxDepth} (${QUERY_LIMITS.maxDepth + 1})`);
    const typenames = parse(`{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(limitCodes(typenames)).toEqual([['QUERY_TOO_COMPLEX', 'ALIASES']]);
    // Each operation of a document is measured on its own.
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
    const two = parse(`query A { ${aliases(QUERY_LIMITS.maxAliases)} } query B { ${aliases(QUERY_LIMITS.maxAliases)} }`);
    expect(limitCodes(two)).toEqual([]);
  });

  it("directives on a repeated spread of one fragment count once (graphql-armor's memo), bounded by graphql-js's one @include and one @skip per spread", () => {
    const spreads = (n: number) =>
      parse(`{ me { ${'...V @include(if: true) @skip(if: false) '.repeat(n)} } } fragment V on Viewer { id }`);
    expect(measure(spreads(QUERY_LIMITS.maxDirectives)).directives).toBe(2);
    // The same directives on distinct fragments are counted, so the limit still holds for them.
    const distinct = parse(
      `{ me { ${Array.from({ length: 6 }, (_, i) => `...V${i} @include(if: true) @skip(if: false)`).join(' ')} } } ${Array.from({ length: 6 }, (_, i) => `fragment V${i} on Viewer { id }`).join(' ')}`,
    );
    expect(limitCodes(distinct)).toEqual([['QUERY_TOO_COMPLEX', 'DIRECTIVES']]);
  });

  it('tokens: L parses, L+1 is refused by the parser', () => {
    // `{ a a a … }`: the braces are 2 tokens, each field name one.
    const withTokens = (n: number) => `{ ${'a '.repeat(n - 2)}}`;
    expect(tokens(withTokens(QUERY_LIMITS.maxTokens))).toBe('ok');
    expect(tokens(withTokens(QUERY_LIMITS.maxTokens + 1))).toBe('TOKENS');
    expect(
      isTokenLimitError(
        new GraphQLError('wrapped', {
          originalError: new Error('Document contains more that 5 tokens. Parsing aborted.'),
        }),
      ),
    ).toBe(true);
    expect(isTokenLimitError(new Error('Syntax Error: Unexpected Name'))).toBe(false);
  });

  it('cost multiplies list sizes from arguments, variables, input objects and defaults', () => {
    const logs = parse(
      'query($n: Int) { usageLogs(first: $n) { nodes { id tenant { id } } pageInfo { hasNextPage } } }',
    );
    // connection 1 + nodes n × (1 + tenant 1) + pageInfo 1
    expect(operationCost(schema, logs, undefined, { n: 10 })).toBe(1 + 10 * 2 + 1);
    expect(operationCost(schema, logs, undefined, {})).toBe(1 + 50 * 2 + 1);
    const tree = buildSchema(
      'type Item { id: ID items(first: Int = 5): [Item!]! owner: Item } type Query { items: [Item!]! }',
    );
    expect(operationCost(tree, parse('{ items { items(first: 3) { id owner { id } } } }'))).toBe(
      50 * (1 + 3 * (1 + 1)),
    );
    expect(operationCost(tree, parse('{ items { items { id } } }'))).toBe(50 * (1 + 5));
    const series = parse('{ usageTimeSeries(input: { days: 7, groupBy: SERVICE }) { points { day } } }');
    expect(operationCost(schema, series)).toBeGreaterThan(0);
    expect(() => operationCost(schema, logs, undefined, { n: QUERY_LIMITS.maxListSize + 1 })).toThrow(
      /first: must be an integer/,
    );
    expect(() => operationCost(schema, logs, undefined, { n: 0 })).toThrow(/first/);
  });

  it('cost remembered per document only where no variable decides it: sizes sent as variables are read on every request', () => {
    const both = parse(`
      query Page($n: Int) { usageLogs(first: $n) { nodes { id } } }
      query Fixed($n: Int) { usageLogs(first: 5) { nodes { id } } me { id } }
      mutation Record($i: RecordUsageInput!) { recordUsage(input: $i) { duplicate log { id } } }
    `);
    for (const n of [10, 20, 10]) {
      expect(operationCost(schema, both, 'Page', { n })).toBe(1 + n);
      expect(operationCost(schema, both, 'Fixed', { n })).toBe(1 + 5 + 1);
    }
    expect(operationCost(schema, both, 'Page', {})).toBe(1 + 50);
    expect(() => operationCost(schema, both, 'Page', { n: 0 })).toThrow(/first/);
    // The event itself holds no size: the same cost whatever it says.
    expect(operationCost(schema, both, 'Record', { i: { service: 'OPENAI', requestId: 'a' } })).toBe(2);
    expect(operationCost(schema, both, 'Record', { i: null })).toBe(2);
  });

  it('cost: L passes, L+1 is QUERY_TOO_COMPLEX', () => {
    const limits = { ...QUERY_LIMITS, maxCost: 1 + 10 * 2 + 1 };
    const logs = parse(
      'query($n: Int) { usageLogs(first: $n) { nodes { id tenant { id } } pageInfo { hasNextPage } } }',
    );
    expect(assertCostWithinLimit(schema, logs, undefined, { n: 10 }, limits)).toBe(limits.maxCost);
    expect(() =>
      assertCostWithinLimit(schema, logs, undefined, { n: 11 }, { ...limits, maxCost: limits.maxCost + 1 }),
    ).toThrow(/cost limit/);
    try {
      const tree = buildSchema('type Item { id: ID items: [Item!]! } type Query { items: [Item!]! }');
      assertCostWithinLimit(tree, parse('{ items { items { items { id } } } }'), undefined, {});
      expect.unreachable();
    } catch (error) {
      expect((error as GraphQLError).extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'COST',
        maximum: QUERY_LIMITS.maxCost,
      });
    }
  });

  it('fragments spread in a binary tree cost linear time', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { ${i === levels - 1 ? 'me { id }' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const document = parse(`{ ...F0 } ${fragments.join(' ')}`);
    const started = Date.now();
    expect(operationCost(schema, document)).toBe(1);
    validate(schema, document, queryLimitRules());
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
