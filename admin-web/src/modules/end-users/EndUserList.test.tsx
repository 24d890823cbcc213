import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EndUserCallsDocument, EndUsersDocument, type EndUserCallFragment, type EndUserRowFragment } from '../../__generated__/graphql';
import { renderWithProviders } from '../../test/render';
import { EndUserList } from './EndUserList';

const endUser = (tenant: { id: string; name: string }, id: string, cost: string): EndUserRowFragment & { __typename: 'EndUserUsage' } => ({
  __typename: 'EndUserUsage',
  tenant: { __typename: 'Tenant', ...tenant } as EndUserRowFragment['tenant'],
  endUser: id,
  totalCostUsd: cost,
  apiCalls: 10,
  errorCalls: 0,
  costPerCallUsd: '0.1',
  dailyAverageCostUsd: '0.033333333333',
  services: [{ __typename: 'ServiceTotal', service: 'OPENAI', units: 5000, costUsd: cost, apiCalls: 10 }] as unknown as EndUserRowFragment['services'],
  firstSeenAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-11-20T00:00:00.000Z',
});

const call: EndUserCallFragment & { __typename: 'UsageLog' } = {
  __typename: 'UsageLog',
  id: 'log-1',
  occurredAt: '2026-11-20T00:00:00.000Z',
  service: 'OPENAI',
  model: 'gpt-4o-mini',
  inputTokens: 100,
  outputTokens: 50,
  totalTokens: 150,
  characters: null,
  durationSeconds: null,
  costUsd: '0.0042',
  pricingStatus: 'PRICED',
  status: 'SUCCESS',
  source: 'GATEWAY',
};

describe('EndUserList (every tenant)', () => {
  it('shows the customer column and expands a row on its own tenant’s recent calls', async () => {
    const user = userEvent.setup();
    renderWithProviders(<EndUserList tenantId={undefined} />, {
      route: '/users',
      mocks: [
        {
          request: { query: EndUsersDocument, variables: { input: { orderBy: 'COST_DESC', days: 30, first: 50 } } },
          result: {
            data: {
              endUsers: {
                __typename: 'EndUserConnection',
                nodes: [endUser({ id: 't2', name: 'Globex' }, 'g-7', '1'), endUser({ id: 't1', name: 'Acme' }, 'a-1', '0.5')],
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
                totalCount: 2,
              },
            },
          },
        },
        {
          request: { query: EndUserCallsDocument, variables: { tenantId: 't2', endUser: 'g-7' } },
          result: { data: { usageLogs: { __typename: 'UsageLogConnection', nodes: [call], totalCount: 31 } } },
        },
      ],
    });
    const table = await screen.findByRole('table', { name: 'End users of every customer' });
    expect(within(table).getByRole('link', { name: 'Globex' }).getAttribute('href')).toBe('/customers/t2');
    expect(screen.getByText('Showing 1–2 of 2 end users · last 30 days')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'g-7' }));
    const calls = await screen.findByRole('table', { name: 'Recent calls of g-7' });
    expect(within(calls).getByText('$0.0042')).toBeTruthy();
    expect(within(calls).getByText('Gateway')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All calls of this user →' }).getAttribute('href')).toBe('/usage-logs?tenant=t2&user=g-7');
  });
});
