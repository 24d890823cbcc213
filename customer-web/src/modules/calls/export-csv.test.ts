import { describe, expect, it, vi } from 'vitest';
import { DownloadError } from '@usage-monitor/web-kit/downloads';
import { downloadUsageCsv, usageExportFileName, usageExportUrl } from './export-csv';

describe('usage export', () => {
  it('asks for the chosen month as UTC [from, to) and never names a tenant', () => {
    const url = new URL(usageExportUrl('https://api.example.com', { month: '2026-12' }));
    expect(url.pathname).toBe('/export/usage.csv');
    expect(url.searchParams.get('from')).toBe('2026-12-01T00:00:00.000Z');
    expect(url.searchParams.get('to')).toBe('2027-01-01T00:00:00.000Z');
    expect(url.searchParams.has('tenantId')).toBe(false);
    expect(url.searchParams.has('service')).toBe(false);
  });

  it('narrows to one end user, still without a tenant', () => {
    const url = new URL(usageExportUrl('https://api.example.com', { month: '2026-12', endUser: 'acme user/1' }));
    expect(url.searchParams.get('endUser')).toBe('acme user/1');
    expect(url.searchParams.has('tenantId')).toBe(false);
    expect(usageExportFileName({ month: '2026-12', service: 'OPENAI', endUser: 'acme user/1' })).toBe('usage-2026-12-openai-acme_user_1.csv');
  });

  it('narrows to one source, named in the file too', () => {
    const url = new URL(usageExportUrl('https://api.example.com', { month: '2026-12', source: 'GATEWAY_ESTIMATED' }));
    expect(url.searchParams.get('source')).toBe('GATEWAY_ESTIMATED');
    expect(usageExportFileName({ month: '2026-12', service: 'OPENAI', source: 'GATEWAY_ESTIMATED' })).toBe(
      'usage-2026-12-openai-gateway-estimated.csv',
    );
  });

  it('passes the service filter and uses the same origin when no API URL is set', () => {
    const url = usageExportUrl('', { month: '2026-02', service: 'SMARTFLO' });
    expect(url).toBe(
      '/export/usage.csv?service=SMARTFLO&from=2026-02-01T00%3A00%3A00.000Z&to=2026-03-01T00%3A00%3A00.000Z',
    );
    expect(usageExportFileName({ month: '2026-02', service: 'SMARTFLO' })).toBe('usage-2026-02-smartflo.csv');
  });

  it('downloads with the session cookie and its CSRF token, and saves the file', async () => {
    const fetchImpl = vi.fn(async () => new Response('id,cost\n1,0.0315\n', { status: 200 }));
    const save = vi.fn();
    await downloadUsageCsv({ month: '2026-11' }, { apiBase: '', csrfToken: 'csrf', fetchImpl, save });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'X-Usage-Monitor-App': 'portal', 'X-CSRF-Token': 'csrf', accept: 'text/csv' });
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'usage-2026-11.csv');
    expect(await (save.mock.calls[0][0] as Blob).text()).toBe('id,cost\n1,0.0315\n');
  });

  it('reports an expired session and other failures distinctly', async () => {
    const save = vi.fn();
    const respond = (status: number) => async () => new Response('', { status });
    await expect(
      downloadUsageCsv({ month: '2026-11' }, { apiBase: '', csrfToken: 't', fetchImpl: respond(401), save }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      downloadUsageCsv({ month: '2026-11' }, { apiBase: '', csrfToken: 't', fetchImpl: respond(500), save }),
    ).rejects.toThrow('HTTP 500');
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(
      downloadUsageCsv({ month: '2026-11' }, { apiBase: '', csrfToken: 't', fetchImpl: offline, save }),
    ).rejects.toBeInstanceOf(DownloadError);
    expect(save).not.toHaveBeenCalled();
  });
});
