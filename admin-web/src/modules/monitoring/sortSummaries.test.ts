import { describe, expect, it } from 'vitest';
import { sortSummaries } from './MonthlySummariesTab';

const row = (name: string, totalCostUsd: string, totalApiCalls: number) => ({ tenant: { id: name, name }, totalCostUsd, totalApiCalls });

describe('sortSummaries', () => {
  const rows = [row('Beta', '9.99', 500), row('Acme', '10.0', 20), row('Gamma', '9.99', 1000)];
  it('sorts by exact cost, name breaking ties', () => {
    expect(sortSummaries(rows, 'cost').map((r) => r.tenant.name)).toEqual(['Acme', 'Beta', 'Gamma']);
  });
  it('sorts by API calls', () => {
    expect(sortSummaries(rows, 'usage').map((r) => r.tenant.name)).toEqual(['Gamma', 'Beta', 'Acme']);
  });
});
