import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monthRange, recentPeriods } from '@usage-monitor/web-kit/periods';
import { renderElement } from '../../test/mock-session';
import { ExportCsv } from './ExportCsv';

beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ExportCsv', () => {
  it('downloads the chosen month of the customer’s own usage with the session cookie and its CSRF token', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response('a,b\n', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    renderElement(<ExportCsv service="OPENAI" />, { url: '/usage', csrfToken: 'cust-csrf', handlers: {} });

    const previousMonth = recentPeriods(2)[1];
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Export month'), previousMonth);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText(/^Downloaded /)).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    const params = new URL(url, 'http://portal.test').searchParams;
    expect(Object.fromEntries(params)).toEqual({ service: 'OPENAI', ...monthRange(previousMonth) });
    expect(init?.credentials).toBe('same-origin');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-usage-monitor-app')).toBe('portal');
    expect(headers.get('x-csrf-token')).toBe('cust-csrf');
    expect(headers.has('authorization')).toBe(false);
  });

  it('ends the session when the export says it is no longer valid', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    const { cookie, store } = renderElement(<ExportCsv />, { url: '/usage', csrfToken: 'old', handlers: {} });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(store.getSnapshot()).toMatchObject({ csrfToken: null, notice: 'expired' }));
    expect(cookie.value).toBeNull();
  });

  it('shows a failure without leaving the page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })));
    renderElement(<ExportCsv />, { url: '/usage', handlers: {} });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByText(/HTTP 503/)).getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
  });
});
