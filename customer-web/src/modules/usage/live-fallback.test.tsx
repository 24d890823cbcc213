import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../app/routes';
import { customerViewer, dashboard, recentCalls } from '../../test/fixtures';
import { renderWithSession } from '../../test/mock-session';

const handlers = {
  Me: () => ({ me: customerViewer }),
  UsageDashboard: () => dashboard({ alerts: [] }),
  RecentCalls: () => recentCalls([]),
  UsageByModel: () => ({ usageByModel: [] }),
  PortalEndUserSuggestions: () => ({ endUsers: { __typename: 'EndUserConnection', nodes: [] } }),
  DailyCost: () => ({
    usageTimeSeries: { __typename: 'UsageTimeSeries', from: '2026-10-20T00:00:00Z', to: '2026-11-21T00:00:00Z', days: 30, totalCostUsd: '0', totalApiCalls: 0, points: [] },
  }),
};

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dashboardFetches = (operations: { operationName: string }[]) =>
  operations.filter((o) => o.operationName === 'UsageDashboard').length;

describe('polling fallback', () => {
  it('polls every 30 s while the socket is down, stops once it is live, and catches up on reconnect', async () => {
    const { operations, sockets } = renderWithSession({ routes, url: '/usage', handlers, socketState: 'reconnecting' });
    await screen.findByText('Reconnecting…');
    await screen.findAllByText('$1,234.50');
    expect(dashboardFetches(operations)).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(dashboardFetches(operations)).toBe(2);

    // Back online: one catch-up refetch for what was missed, then no more polling.
    act(() => sockets.at(-1)!.set('live'));
    await screen.findByText('Live');
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(dashboardFetches(operations)).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(dashboardFetches(operations)).toBe(3);
  });

  it('does not poll while live', async () => {
    const { operations } = renderWithSession({ routes, url: '/usage', handlers, socketState: 'live' });
    await screen.findAllByText('$1,234.50');
    await act(() => vi.advanceTimersByTimeAsync(95_000));
    expect(dashboardFetches(operations)).toBe(1);
  });
});
