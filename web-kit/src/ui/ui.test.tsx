import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { computeTrend } from '../trend/trend';
import { DataTable } from './DataTable';
import { Dialog } from './Dialog';
import { LiveStatusBadge } from './LiveStatusBadge';
import { TabLinks } from './TabLinks';
import { Tabs } from './Tabs';
import { ToastProvider, useToast } from './Toasts';
import { TrendBadge } from './TrendBadge';
import { VoidedNote } from './VoidedNote';

describe('Tabs', () => {
  function Harness() {
    const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
    return (
      <Tabs
        label="Views"
        idPrefix="t"
        tabs={[
          { id: 'a', label: 'First' },
          { id: 'b', label: 'Second' },
          { id: 'c', label: 'Third' },
        ]}
        selected={selected}
        onSelect={setSelected}
      >
        <p>Panel {selected}</p>
      </Tabs>
    );
  }

  it('moves focus and selection with the arrow keys, Home and End, rendering only the selected panel', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByRole('tab', { name: 'First', selected: true }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Second', selected: true })).toBe(document.activeElement);
    expect(screen.getByText('Panel b')).toBeTruthy();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Third', selected: true })).toBe(document.activeElement);
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'First', selected: true })).toBe(document.activeElement);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.queryByText('Panel b')).toBeNull();
  });
});

describe('TabLinks', () => {
  it('links each tab to its own URL, keeping only the named params, and marks the current one', () => {
    render(
      <MemoryRouter initialEntries={['/customers/1?tab=keys&q=x&period=2026-11']}>
        <TabLinks
          label="Customer"
          current="keys"
          keep={['period']}
          tabs={[
            { id: 'overview', label: 'Overview' },
            { id: 'keys', label: 'API keys' },
          ]}
        />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'Customer' });
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('href')).toBe(
      '/customers/1?period=2026-11',
    );
    const keys = within(nav).getByRole('link', { name: 'API keys' });
    expect(keys.getAttribute('href')).toBe('/customers/1?period=2026-11&tab=keys');
    expect(keys.getAttribute('aria-current')).toBe('page');
  });
});

describe('Dialog', () => {
  it('moves focus in, closes on Escape and gives focus back to its opener', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Open</button>
          {open && (
            <Dialog title="Limits" onClose={() => setOpen(false)}>
              <input aria-label="Limit" />
            </Dialog>
          )}
        </>
      );
    }
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'Limits' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Limit'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });
});

describe('DataTable', () => {
  const rows = [
    { month: 'November 2026', cost: '$12.00' },
    { month: 'October 2026', cost: '$3.50' },
  ];
  const columns = [
    { key: 'month', header: 'Month', rowHeader: true, cell: (r: (typeof rows)[number]) => r.month },
    { key: 'cost', header: 'Cost', numeric: true, cell: (r: (typeof rows)[number]) => r.cost },
  ];

  it('names the table and its scroll region, with row headers and numeric cells', () => {
    render(<DataTable label="Monthly costs" columns={columns} rows={rows} rowKey={(r) => r.month} />);
    const region = screen.getByRole('region', { name: 'Monthly costs' });
    expect(region.tabIndex).toBe(0);
    const table = within(region).getByRole('table', { name: 'Monthly costs' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['November 2026', 'October 2026']);
    const cost = within(table).getByText('$3.50');
    expect(cost.className).toBe('num');
    expect(cost.getAttribute('data-label')).toBe('Cost');
  });

  it('shows its empty state instead of an empty table', () => {
    render(
      <DataTable
        label="Monthly costs"
        columns={columns}
        rows={[]}
        rowKey={(r) => r.month}
        empty={<p>No months yet.</p>}
      />,
    );
    expect(screen.getByText('No months yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('TrendBadge', () => {
  it('colours a change by whether it is good news, and says it in words', () => {
    const { container } = render(<TrendBadge trend={computeTrend('1234.5', '1000')} upIsGood={false} />);
    expect(container.querySelector('.trend-bad')).toBeTruthy();
    expect(screen.getByText('up 23.5% from last month').className).toBe('visually-hidden');
    expect(screen.getByText('▲ 23.5%')).toBeTruthy();
  });

  it('has no percentage for a change from nothing', () => {
    render(<TrendBadge trend={computeTrend('5', '0')} />);
    expect(screen.getByText('★ new')).toBeTruthy();
  });
});

describe('LiveStatusBadge', () => {
  it('is a status that says whether updates are live, and that the page polls meanwhile', () => {
    const { rerender } = render(<LiveStatusBadge state="live" />);
    expect(screen.getByRole('status').textContent).toBe('Live');
    rerender(<LiveStatusBadge state="reconnecting" />);
    expect(screen.getByRole('status').textContent).toBe(
      'Reconnecting…. Refreshing every 30 seconds meanwhile.',
    );
  });
});

describe('toasts', () => {
  it('announces a message politely and keeps at most four on screen', () => {
    vi.useFakeTimers();
    function Pusher() {
      const toast = useToast();
      return <button onClick={() => toast.push(`Saved ${Date.now()}`, 'success')}>Push</button>;
    }
    render(
      <ToastProvider>
        <Pusher />
      </ToastProvider>,
    );
    const button = screen.getByRole('button', { name: 'Push' });
    for (let i = 0; i < 6; i += 1) {
      act(() => vi.advanceTimersByTime(10));
      fireEvent.click(button);
    }
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.querySelectorAll('.toast')).toHaveLength(4);
    act(() => vi.advanceTimersByTime(7000));
    expect(region.querySelectorAll('.toast')).toHaveLength(0);
    vi.useRealTimers();
  });
});

describe('VoidedNote', () => {
  it('says who voided a log, when and why, and nothing for a log that counts', () => {
    const { container, rerender } = render(
      <VoidedNote log={{ voidedAt: '2026-11-20T10:15:00.000Z', voidReason: 'Recorded twice', voidedBy: 'ops@example.com' }} />,
    );
    expect(container.textContent).toMatch(/^Voided Voided by ops@example\.com at .+: Recorded twice$/);
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-20T10:15:00.000Z');
    rerender(<VoidedNote log={{ voidedAt: '2026-11-20T10:15:00.000Z', voidReason: 'Test call' }} />);
    expect(container.textContent).toMatch(/^Voided Voided at .+: Test call$/);
    rerender(<VoidedNote log={{ voidedAt: null, voidReason: null, voidedBy: null }} />);
    expect(container.textContent).toBe('');
  });
});
