import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { divideDecimal } from '../money/money';
import { costPerCall, dailyAverage, parseEndUser, parseEndUserOrder, parseEndUserRange } from './end-user-rules';
import type { EndUserRowData } from './end-user-types';
import { EndUserDetails } from './EndUserDetails';
import { EndUserFilter } from './EndUserFilter';
import { EndUsersPanel, type EndUserConnectionData } from './EndUsersPanel';
import { EndUserTable } from './EndUserTable';
import { useEndUserList } from './useEndUserList';

const NOW = new Date('2026-11-21T12:00:00Z');

function row(endUser: string, overrides: Partial<EndUserRowData> = {}): EndUserRowData {
  return {
    tenant: { id: 't1', name: 'Acme' },
    endUser,
    totalCostUsd: '12.5',
    apiCalls: 400,
    errorCalls: 3,
    costPerCallUsd: '0.03125',
    dailyAverageCostUsd: '0.416666666667',
    services: [
      { service: 'OPENAI', units: 120_000, costUsd: '10', apiCalls: 300 },
      { service: 'SMARTFLO', units: 42.5, costUsd: '2.5', apiCalls: 100 },
    ],
    firstSeenAt: '2026-10-01T08:00:00Z',
    lastSeenAt: '2026-11-21T09:00:00Z',
    ...overrides,
  };
}

describe('end-user rules', () => {
  it('divides exactly, rounding half up at 12 decimals as the API does', () => {
    expect(divideDecimal('12.5', 30)).toBe('0.416666666667');
    expect(divideDecimal('0.000000000001', 2)).toBe('0.000000000001');
    expect(divideDecimal('0.000000000001', 3)).toBe('0');
    expect(divideDecimal('1', 0)).toBeNull();
    // No float on the way: 0.3 / 3 is exactly 0.1.
    expect(costPerCall('0.3', 3)).toBe('0.1');
    expect(costPerCall('5', 0)).toBeNull();
    expect(dailyAverage('365', 365)).toBe('1');
  });

  it('reads only values the API accepts from the URL', () => {
    expect(parseEndUserOrder('CALLS_DESC')).toBe('CALLS_DESC');
    expect(parseEndUserOrder('calls_desc')).toBe('COST_DESC');
    expect(parseEndUserRange('90')).toBe(90);
    expect(parseEndUserRange('14')).toBe(30);
    expect(parseEndUser('  acme-user-0001 ')).toBe('acme-user-0001');
    expect(parseEndUser('   ')).toBeUndefined();
    expect(parseEndUser('x'.repeat(300))).toHaveLength(255);
  });
});

describe('EndUserTable', () => {
  it('shows the figures exactly and opens a row in place, rendering its details only while open', async () => {
    const user = userEvent.setup();
    const details = vi.fn((r: EndUserRowData) => <p>Details of {r.endUser}</p>);
    render(<EndUserTable label="Users" rows={[row('u-1'), row('u-2', { errorCalls: 0 })]} renderDetails={details} showTenant now={NOW} />);
    const table = screen.getByRole('table', { name: 'Users' });
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getByText('$12.50')).toBeTruthy();
    expect(within(first).getByText('400')).toBeTruthy();
    expect(within(first).getByText('$0.03125')).toBeTruthy();
    expect(within(first).getByText('$0.416667')).toBeTruthy();
    expect(within(first).getByText('Acme')).toBeTruthy();
    expect(within(first).getByText('3 h ago')).toBeTruthy();
    expect(details).not.toHaveBeenCalled();

    const toggle = screen.getByRole('button', { name: 'u-2' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Details of u-2')).toBeTruthy();
    expect(screen.queryByText('Details of u-1')).toBeNull();
    await user.click(toggle);
    expect(screen.queryByText('Details of u-2')).toBeNull();
  });
});

describe('EndUserDetails', () => {
  it('splits the range by service with shares and lists the recent calls with their source', () => {
    render(
      <EndUserDetails
        row={row('u-1')}
        days={30}
        calls={{
          loading: false,
          totalCount: 25,
          calls: [
            {
              id: 'l1',
              occurredAt: '2026-11-21T09:00:00Z',
              service: 'OPENAI',
              model: 'gpt-4o-mini',
              inputTokens: 150,
              outputTokens: 450,
              totalTokens: 600,
              characters: null,
              durationSeconds: null,
              costUsd: '0.0315',
              pricingStatus: 'PRICED',
              status: 'SUCCESS',
              source: 'GATEWAY_ESTIMATED',
            },
          ],
        }}
      />,
    );
    const services = screen.getByRole('table', { name: 'u-1 by service' });
    const openai = within(services).getAllByRole('row')[1];
    expect(within(openai).getByText('120,000 tokens')).toBeTruthy();
    expect(within(openai).getByText('80%')).toBeTruthy();
    const calls = screen.getByRole('table', { name: 'Recent calls of u-1' });
    expect(within(calls).getByText('$0.0315')).toBeTruthy();
    expect(within(calls).getByText('Gateway (estimated)')).toBeTruthy();
    expect(screen.getByText(/The latest 1 of 25 calls/)).toBeTruthy();
  });
});

describe('EndUserFilter', () => {
  function Harness({ onSearch }: { onSearch: (text: string) => void }) {
    const [value, setValue] = useState<string | undefined>();
    return (
      <>
        <EndUserFilter value={value} onChange={setValue} suggestions={['acme-user-0001', 'acme-user-0002']} onSearch={onSearch} />
        <output>{value ?? 'all'}</output>
      </>
    );
  }

  it('searches once typing pauses and applies a value on Enter, or at once when a suggestion is picked', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const onSearch = vi.fn();
      render(<Harness onSearch={onSearch} />);
      const box = screen.getByLabelText('End user');
      fireEvent.change(box, { target: { value: 'acme' } });
      fireEvent.change(box, { target: { value: 'acme-u' } });
      await act(() => vi.advanceTimersByTimeAsync(300));
      expect(onSearch).toHaveBeenLastCalledWith('acme-u');
      expect(onSearch).not.toHaveBeenCalledWith('acme');
      expect(screen.getByRole('status').textContent).toBe('all');
      fireEvent.keyDown(box, { key: 'Enter' });
      expect(screen.getByRole('status').textContent).toBe('acme-u');
      fireEvent.change(box, { target: { value: 'acme-user-0002' } });
      expect(screen.getByRole('status').textContent).toBe('acme-user-0002');
      fireEvent.click(screen.getByRole('button', { name: /Show all end users/ }));
      expect(screen.getByRole('status').textContent).toBe('all');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is off until a customer is chosen', () => {
    const onSearch = vi.fn();
    render(<EndUserFilter value={undefined} onChange={() => {}} suggestions={[]} onSearch={onSearch} disabled />);
    expect((screen.getByLabelText('End user') as HTMLInputElement).disabled).toBe(true);
    expect(onSearch).not.toHaveBeenCalled();
  });
});

describe('EndUsersPanel with useEndUserList', () => {
  const page = (names: string[], endCursor: string | null, hasNextPage: boolean): EndUserConnectionData => ({
    nodes: names.map((n) => row(n)),
    pageInfo: { endCursor, hasNextPage },
    totalCount: 3,
  });

  function Harness({ pages }: { pages: Record<string, EndUserConnectionData> }) {
    const list = useEndUserList('t1');
    const location = useLocation();
    return (
      <>
        <EndUsersPanel
          label="Users"
          list={list}
          connection={pages[list.after ?? '']}
          pageSize={2}
          loading={false}
          error={undefined}
          onRetry={() => {}}
          renderDetails={() => null}
        />
        <p data-url="">{location.search}</p>
      </>
    );
  }

  it('walks keyset pages with a cursor stack and starts again when the order or range changes', async () => {
    const user = userEvent.setup();
    const pages = { '': page(['a', 'b'], 'c1', true), c1: page(['c'], null, false) };
    const { container } = render(
      <MemoryRouter initialEntries={['/users']}>
        <Harness pages={pages} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Showing 1–2 of 3 end users · last 30 days')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(screen.getByRole('button', { name: 'c' })).toBeTruthy();
    expect(screen.getByText('Showing 3–3 of 3 end users · last 30 days')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: '← Previous' }));
    expect(screen.getByRole('button', { name: 'a' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Next →' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'LAST_SEEN_DESC');
    expect(screen.getByRole('button', { name: 'a' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '90 days' }));
    expect(container.querySelector('[data-url]')?.textContent).toBe('?sort=LAST_SEEN_DESC&range=90');
    expect(screen.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
  });
});
