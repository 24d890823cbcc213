import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderElement } from '../../test/mock-session';
import { EndUsersTab } from './EndUsersTab';

afterEach(cleanup);

const node = (endUser: string) => ({
  __typename: 'EndUserUsage',
  tenant: { __typename: 'Tenant', id: 'tenant-acme', name: 'Acme' },
  endUser,
  totalCostUsd: '3.2',
  apiCalls: 64,
  errorCalls: 1,
  costPerCallUsd: '0.05',
  dailyAverageCostUsd: '0.106666666667',
  services: [{ __typename: 'ServiceTotal', service: 'ELEVENLABS', units: 9000, costUsd: '3.2', apiCalls: 64 }],
  firstSeenAt: '2026-11-01T00:00:00.000Z',
  lastSeenAt: '2026-11-20T00:00:00.000Z',
});

describe('EndUsersTab', () => {
  it('lists the customer’s own end users and opens one on its recent calls, naming no tenant anywhere', async () => {
    const user = userEvent.setup();
    const { operations } = renderElement(<EndUsersTab />, {
      url: '/usage?tab=users&sort=CALLS_DESC&range=7',
      handlers: {
        PortalEndUsers: () => ({
          endUsers: {
            __typename: 'EndUserConnection',
            nodes: [node('acme-user-0001')],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            totalCount: 1,
          },
        }),
        PortalEndUserCalls: () => ({ usageLogs: { __typename: 'UsageLogConnection', totalCount: 0, nodes: [] } }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Your end users' });
    expect(within(table).getByText('$0.106667')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'acme-user-0001' }));
    await screen.findByText('No calls recorded.');
    expect(screen.getByRole('table', { name: 'acme-user-0001 by service' })).toBeTruthy();
    const list = operations.find((o) => o.operationName === 'PortalEndUsers');
    expect(list?.variables).toMatchObject({ days: 7, orderBy: 'CALLS_DESC', first: 25 });
    expect(operations.find((o) => o.operationName === 'PortalEndUserCalls')?.variables).toEqual({ endUser: 'acme-user-0001' });
    expect(JSON.stringify(operations.map((o) => o.variables))).not.toContain('tenantId');
  });
});
