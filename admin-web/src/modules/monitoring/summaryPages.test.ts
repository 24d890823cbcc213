import { describe, expect, it } from 'vitest';
import { MonthlySummariesDocument } from '../../__generated__/graphql';
import { createCache } from '../../app/apolloClient';

const card = (name: string) => ({
  __typename: 'MonthlySummary' as const,
  tenant: { __typename: 'Tenant' as const, id: `id-${name}`, name },
  period: '2026-03', periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-04-01T00:00:00.000Z',
  openaiInputTokens: 0, openaiOutputTokens: 0, openaiTotalTokens: 0, openaiCostUsd: '0', elevenlabsCharacters: 0, elevenlabsCostUsd: '0',
  smartfloMinutes: 0, smartfloCostUsd: '0', totalCostUsd: '1', totalApiCalls: 1, errorCalls: 0,
  providerCostUsd: '1', marginUsd: '0', marginPercent: '0',
});
const page = (names: string[], endCursor: string | null, hasNextPage: boolean) => ({
  monthlySummaryPage: { __typename: 'MonthlySummaryConnection' as const, nodes: names.map(card), pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor }, totalCount: 3 },
});

describe('monthly summary pages in the cache', () => {
  const base = { period: '2026-03', orderBy: 'TOTAL_COST_DESC' as const, first: 2 };
  const names = (cache: ReturnType<typeof createCache>, variables: Record<string, unknown>) =>
    cache.readQuery({ query: MonthlySummariesDocument, variables })?.monthlySummaryPage.nodes.map((n) => n.tenant.name);

  it('appends the page after a cursor and starts again on a request without one', () => {
    const cache = createCache();
    cache.writeQuery({ query: MonthlySummariesDocument, variables: base, data: page(['a', 'b'], 'c1', true) });
    cache.writeQuery({ query: MonthlySummariesDocument, variables: { ...base, after: 'c1' }, data: page(['c'], 'c2', false) });
    expect(names(cache, base)).toEqual(['a', 'b', 'c']);
    // A poll (no cursor) replaces the listing with the fresh first page.
    cache.writeQuery({ query: MonthlySummariesDocument, variables: base, data: page(['b', 'a'], 'c1', true) });
    expect(names(cache, base)).toEqual(['b', 'a']);
  });

  it('keeps each order and search a listing of its own', () => {
    const cache = createCache();
    cache.writeQuery({ query: MonthlySummariesDocument, variables: base, data: page(['a', 'b'], 'c1', true) });
    cache.writeQuery({ query: MonthlySummariesDocument, variables: { ...base, orderBy: 'TENANT_NAME_ASC' }, data: page(['x'], null, false) });
    cache.writeQuery({ query: MonthlySummariesDocument, variables: { ...base, search: 'b' }, data: page(['b'], null, false) });
    expect(names(cache, base)).toEqual(['a', 'b']);
    expect(names(cache, { ...base, orderBy: 'TENANT_NAME_ASC' })).toEqual(['x']);
    expect(names(cache, { ...base, search: 'b' })).toEqual(['b']);
  });
});
