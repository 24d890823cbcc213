import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession, getSession, sessionStarted } from '../../app/session';
import { csrfCookie, serverStartsSession } from '../../test/session-cookie';
import { downloadUsageCsv, exportFileName } from './exportCsv';

describe('CSV export', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    endSession();
  });

  it('names the file after the filters', () => {
    expect(exportFileName({ from: '2026-11-01', to: '2026-11-30', service: 'OPENAI' })).toBe('usage-2026-11-01_to_2026-11-30-openai.csv');
    expect(exportFileName({}, new Date('2026-11-22T10:00:00Z'))).toBe('usage-2026-11-22.csv');
    expect(exportFileName({ source: 'GATEWAY_ESTIMATED' }, new Date('2026-11-22T10:00:00Z'))).toBe('usage-2026-11-22-gateway-estimated.csv');
  });

  it('fetches the filtered rows with the session cookie and its CSRF token', async () => {
    serverStartsSession('csrf');
    sessionStarted();
    const fetchStub = vi.fn<typeof fetch>().mockResolvedValue(new Response('id,cost\n', { status: 200 }));
    vi.stubGlobal('fetch', fetchStub);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    // The test page would follow the link away from its origin (and its cookies).
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await downloadUsageCsv({ status: 'ERROR', from: '2026-11-01' });
    const [url, init] = fetchStub.mock.calls[0];
    expect(url).toBe('/export/usage.csv?status=ERROR&from=2026-11-01T00%3A00%3A00.000Z');
    expect(init?.credentials).toBe('same-origin');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-usage-monitor-app')).toBe('admin');
    expect(headers.get('x-csrf-token')).toBe('csrf');
    expect(headers.has('authorization')).toBe(false);
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });

  it('ends the session when the server answers 401', async () => {
    serverStartsSession('csrf');
    sessionStarted();
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(new Response('', { status: 401 })));
    await expect(downloadUsageCsv({})).rejects.toThrow(/expired/);
    expect(getSession().csrfToken).toBeNull();
    expect(csrfCookie()).toBeNull();
  });
});
