import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recentCalls, usageLog } from '../../test/fixtures';
import { renderElement } from '../../test/mock-session';
import { RecentCalls } from './RecentCalls';

afterEach(cleanup);

const logs = [
  usageLog(),
  usageLog({
    id: 'log-2',
    service: 'SMARTFLO',
    model: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    durationSeconds: 330,
    costUsd: '0.11',
    status: 'ERROR',
  }),
  usageLog({ id: 'log-3', model: 'gpt-5-preview', costUsd: '0', pricingStatus: 'UNPRICED' }),
];

const serviceVariables = (operations: { operationName: string; variables: Record<string, unknown> }[]) =>
  operations.filter((o) => o.operationName === 'RecentCalls').map((o) => o.variables.service ?? null);

describe('RecentCalls', () => {
  it('lists calls with their units, exact cost, status, and never shows an unpriced call as $0', async () => {
    renderElement(<RecentCalls />, { url: '/usage', handlers: { RecentCalls: () => recentCalls(logs, 1_234) } });
    const table = await screen.findByRole('table');
    const [first, second, third] = within(table).getAllByRole('row').slice(1);
    expect(within(first).getByText('600 tokens')).toBeTruthy();
    expect(within(first).getByText('150 in · 450 out')).toBeTruthy();
    expect(within(first).getByText('$0.0315')).toBeTruthy();
    expect(within(first).getByText('Succeeded')).toBeTruthy();
    expect(within(second).getByText('5.5 min')).toBeTruthy();
    expect(within(second).getByText('Failed')).toBeTruthy();
    expect(within(third).getByText('Not priced')).toBeTruthy();
    expect(within(third).queryByText('$0.00')).toBeNull();
    expect(screen.getByText(/Showing the latest 3 of 1,234 calls/)).toBeTruthy();
  });

  it('filters by the service in the URL and writes a new choice back to it', async () => {
    const { operations, router } = renderElement(<RecentCalls />, {
      url: '/usage?tab=history&service=SMARTFLO',
      handlers: { RecentCalls: () => recentCalls([]) },
    });
    const select = await screen.findByLabelText<HTMLSelectElement>('Service');
    expect(select.value).toBe('SMARTFLO');
    expect(await screen.findByText('No Smartflo calls recorded yet.')).toBeTruthy();

    const user = userEvent.setup();
    await user.selectOptions(select, 'ELEVENLABS');
    expect(router.state.location.search).toBe('?tab=history&service=ELEVENLABS');
    await user.selectOptions(select, '');
    expect(router.state.location.search).toBe('?tab=history');
    await waitFor(() => expect(serviceVariables(operations)).toEqual(['SMARTFLO', 'ELEVENLABS', null]));

    await router.navigate(-1);
    await waitFor(() => expect(select.value).toBe('ELEVENLABS'));
  });

  it('shows how each call arrived, and narrows to one source from the URL, the CSV export too', async () => {
    const { operations, router } = renderElement(<RecentCalls />, {
      url: '/usage?source=GATEWAY',
      handlers: {
        RecentCalls: ({ source }) =>
          recentCalls(source === 'GATEWAY' ? [usageLog({ source: 'GATEWAY' })] : [usageLog(), usageLog({ id: 'log-2', source: 'GATEWAY_ESTIMATED' })]),
      },
    });
    const select = await screen.findByLabelText<HTMLSelectElement>('Source');
    expect(select.value).toBe('GATEWAY');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Source' })).toBeTruthy();
    expect(within(within(table).getAllByRole('row')[1]!).getByText('Gateway')).toBeTruthy();
    expect(screen.getByText(/Source Gateway only/)).toBeTruthy();

    await userEvent.setup().selectOptions(select, '');
    expect(router.state.location.search).toBe('');
    expect(await within(await screen.findByRole('table')).findByText('Gateway (estimated)')).toBeTruthy();
    expect(operations.filter((o) => o.operationName === 'RecentCalls').map((o) => o.variables.source ?? null)).toEqual([
      'GATEWAY',
      null,
    ]);
  });

  it('says which source has no calls yet', async () => {
    renderElement(<RecentCalls />, { url: '/usage?source=WEBHOOK&service=SMARTFLO', handlers: { RecentCalls: () => recentCalls([]) } });
    expect(await screen.findByText('No Smartflo calls with source Webhook recorded yet.')).toBeTruthy();
  });

  it('treats an unknown service in the URL as all services', async () => {
    const { operations } = renderElement(<RecentCalls />, {
      url: '/usage?service=TWILIO',
      handlers: { RecentCalls: () => recentCalls() },
    });
    expect((await screen.findByLabelText<HTMLSelectElement>('Service')).value).toBe('');
    await screen.findByRole('table');
    expect(serviceVariables(operations)).toEqual([null]);
  });

  it('shows a call the platform voided struck through, with when and why but not who', async () => {
    renderElement(<RecentCalls />, {
      url: '/usage',
      handlers: {
        RecentCalls: () =>
          recentCalls([usageLog({ voidedAt: '2026-11-21T08:00:00.000Z', voidReason: 'Recorded twice' }), usageLog({ id: 'log-2' })]),
      },
    });
    const table = await screen.findByRole('table');
    const [voided, counting] = within(table).getAllByRole('row').slice(1);
    expect(voided.className).toBe('row-voided');
    expect(voided.querySelector('.voided-note .cell-note')?.textContent).toMatch(/^Voided at .+: Recorded twice$/);
    expect(counting.className).toBe('');
    expect(within(counting).queryByText(/Voided/)).toBeNull();
  });
});
