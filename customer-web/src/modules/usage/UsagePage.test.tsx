import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { routes } from '../../app/routes';
import { alert, customerViewer, dashboard, quota, recentCalls } from '../../test/fixtures';
import { gqlError, renderWithSession, type Handler } from '../../test/mock-session';

afterEach(cleanup);

const history = {
  usageHistory: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((period, i) => ({
    __typename: 'MonthlySummary',
    period,
    openaiTotalTokens: 1_000 * i,
    openaiCostUsd: ['0', '0', '10', '10', '20', '15'][i],
    elevenlabsCharacters: 0,
    elevenlabsCostUsd: '0',
    smartfloMinutes: 0,
    smartfloCostUsd: ['0', '0', '0', '0', '5', '0.5'][i],
    totalCostUsd: ['0', '0', '10', '10', '25', '15.5'][i],
    totalApiCalls: 10 * i,
    errorCalls: 0,
  })),
};

function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    Me: () => ({ me: customerViewer }),
    UsageDashboard: () => dashboard(),
    RecentCalls: () => recentCalls(),
    UsageByModel: () => ({ usageByModel: [] }),
    PortalEndUserSuggestions: () => ({ endUsers: { __typename: 'EndUserConnection', nodes: [] } }),
    DailyCost: () => ({
      usageTimeSeries: { __typename: 'UsageTimeSeries', from: '2026-10-20T00:00:00Z', to: '2026-11-21T00:00:00Z', days: 30, totalCostUsd: '0', totalApiCalls: 0, points: [] },
    }),
    UsageHistory: () => history,
    ...overrides,
  };
}

/** The month total as shown in the big number (the same amount also appears in the breakdown's footer). */
async function findTotal(text: string) {
  const card = await screen.findByRole('region', { name: /Total cost/ });
  return within(card).findByText(text, { selector: '.total-amount' });
}

describe('UsagePage', () => {
  it('shows the month total, its trend, the projection, the services and explained alerts', async () => {
    renderWithSession({ routes, url: '/usage', handlers: handlers() });
    const total = await screen.findByRole('region', { name: /Total cost · November 2026/ });
    expect(within(total).getByText('$1,234.50').className).toContain('total-amount');
    expect(within(total).getByText('up 23.5% from last month')).toBeTruthy();
    expect(within(total).getByText('$2,057.50')).toBeTruthy();

    expect(screen.getByRole('article', { name: 'OpenAI' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'ElevenLabs' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Smartflo' })).toBeTruthy();
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);

    const alerts = screen.getByRole('region', { name: /Active alerts/ });
    expect(
      within(alerts).getByText('You have used 84% of your monthly OpenAI token limit (420,000 of 500,000 tokens).'),
    ).toBeTruthy();
  });

  it('asks only for its own tenant: no operation carries a tenantId', async () => {
    const { operations } = renderWithSession({ routes, url: '/usage', handlers: handlers() });
    await findTotal('$1,234.50');
    await screen.findByText('gpt-4');
    expect(operations.length).toBeGreaterThan(3);
    expect(JSON.stringify(operations.map((o) => o.variables))).not.toContain('tenantId');
  });

  it('shows the monthly budget bar when a cost quota is set', async () => {
    renderWithSession({
      routes,
      url: '/usage',
      handlers: handlers({
        UsageDashboard: () =>
          dashboard({ costQuota: quota({ metric: 'MONTHLY_COST', used: 1234.5, limit: 2000, percentUsed: 61.7, level: 'NOTICE' }) }),
      }),
    });
    const bar = await screen.findByRole('progressbar', { name: 'Cost this month against your budget' });
    expect(bar.getAttribute('aria-valuetext')).toBe('61.7% used: $1,234.50 of $2,000.00. Notice.');
  });

  it('says so when nothing was used this month yet', async () => {
    const empty = dashboard({
      totalCostUsd: '0',
      previousPeriodTotalCostUsd: '0',
      projectedMonthEndCostUsd: '0',
      totalApiCalls: 0,
      errorCalls: 0,
      services: [],
      alerts: [],
    });
    renderWithSession({ routes, url: '/usage', handlers: handlers({ UsageDashboard: () => empty }) });
    expect(await screen.findByText('No usage recorded this month yet.')).toBeTruthy();
    expect(screen.getByText('No usage recorded this month yet')).toBeTruthy();
    expect(screen.getByText(/No active alerts/)).toBeTruthy();
  });

  it('keeps the last good figures under a banner when a refresh fails', async () => {
    let calls = 0;
    renderWithSession({
      routes,
      url: '/usage',
      handlers: handlers({ UsageDashboard: () => (++calls === 1 ? dashboard() : gqlError('INTERNAL_SERVER_ERROR')) }),
    });
    await findTotal('$1,234.50');
    await userEvent.setup().click(screen.getByRole('button', { name: /Refresh/ }));
    expect(await screen.findByText(/could not be refreshed/)).toBeTruthy();
    expect(await findTotal('$1,234.50')).toBeTruthy();
  });

  it('shows an error with a retry when the first load fails', async () => {
    let fail = true;
    renderWithSession({
      routes,
      url: '/usage',
      handlers: handlers({ UsageDashboard: () => (fail ? gqlError('INTERNAL_SERVER_ERROR') : dashboard()) }),
    });
    expect(await screen.findByText('Your usage could not be loaded.')).toBeTruthy();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await findTotal('$1,234.50')).toBeTruthy();
  });

  it('opens the tab named in the URL and puts tab changes in the URL', async () => {
    const { router } = renderWithSession({ routes, url: '/usage?tab=history&service=OPENAI', handlers: handlers() });
    const historyTab = await screen.findByRole('tab', { name: 'Usage history' });
    expect(historyTab.getAttribute('aria-selected')).toBe('true');
    const table = await screen.findByRole('region', { name: 'The last six months' });
    const october = within(table).getByRole('row', { name: /^October 2026/ });
    expect(within(october).getByText('up 150% from September 2026')).toBeTruthy();
    const july = within(table).getByRole('row', { name: /^July 2026/ });
    expect(within(july).getByText('no change from June 2026')).toBeTruthy();

    const user = userEvent.setup();
    historyTab.focus();
    await user.keyboard('{ArrowLeft}');
    const currentTab = screen.getByRole('tab', { name: 'Current month' });
    expect(currentTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(currentTab);
    expect(router.state.location.search).toBe('?service=OPENAI');
    expect(await screen.findByRole('region', { name: 'By service' })).toBeTruthy();
  });

  it('shows a live alert at once and announces it', async () => {
    const { push } = renderWithSession({ routes, url: '/usage', handlers: handlers() });
    await findTotal('$1,234.50');
    act(() =>
      push('AlertRaised', {
        alertRaised: alert({ id: 'a-2', type: 'RATE_LIMIT_EXCEEDED', metric: 'REQUESTS_PER_MINUTE', currentValue: 150, limitValue: 100 }),
      }),
    );
    const text = 'Your applications sent 150 requests within one minute, more than your limit of 100 requests per minute.';
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByText(`New alert. ${text}`).getAttribute('aria-live')).toBe('polite');
  });

  it('refetches the dashboard when usage is pushed', async () => {
    let total = '1234.5';
    const { push } = renderWithSession({
      routes,
      url: '/usage',
      handlers: handlers({ UsageDashboard: () => dashboard({ totalCostUsd: total }) }),
    });
    await findTotal('$1,234.50');
    total = '1300';
    act(() =>
      push('UsageUpdated', {
        usageUpdated: { __typename: 'UsageUpdate', period: '2026-11', totalCostUsd: '1300', totalApiCalls: 1501, errorCalls: 12 },
      }),
    );
    expect(await findTotal('$1,300.00')).toBeTruthy();
  });

  it('shows whether updates are live', async () => {
    renderWithSession({ routes, url: '/usage', handlers: handlers(), socketState: 'reconnecting' });
    expect((await screen.findByText('Reconnecting…')).closest('[role="status"]')).toBeTruthy();
    cleanup();
    renderWithSession({ routes, url: '/usage', handlers: handlers(), socketState: 'live' });
    expect(await screen.findByText('Live')).toBeTruthy();
  });

  it('has no serious or critical accessibility violations', async () => {
    const { container } = renderWithSession({
      routes,
      url: '/usage',
      handlers: handlers({
        UsageDashboard: () => dashboard({ costQuota: quota({ metric: 'MONTHLY_COST', used: 1234.5, limit: 2000, percentUsed: 61.7, level: 'NOTICE' }) }),
      }),
    });
    await findTotal('$1,234.50');
    await screen.findByText('gpt-4');
    await waitFor(() => expect(screen.queryByText(/Loading/)).toBeNull());
    // Colour contrast needs a real renderer (checked in the browser); everything else is checked here.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
