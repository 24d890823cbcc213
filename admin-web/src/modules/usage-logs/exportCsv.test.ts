import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession, getSession, startSession } from '../../app/session';
import { downloadUsageCsv, exportFileName } from './exportCsv';

describe('CSV export', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    endSession();
  });

  it('names the file after the filters', () => {
    expect(exportFileName({ from: '2026-11-01', to: '2026-11-30', service: 'OPENAI' })).toBe('usage-2026-11-01_to_2026-11-30-openai.csv');
    expect(exportFileName({}, new Date('2026-11-22T10:00:00Z'))).toBe('usage-2026-11-22.csv');
  });

  it('fetches the filtered rows with the bearer token', async () => {
    startSession('tok');
    const fetchStub = vi.fn<typeof fetch>().mockResolvedValue(new Response('id,cost\n', { status: 200 }));
    vi.stubGlobal('fetch', fetchStub);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await downloadUsageCsv({ status: 'ERROR', from: '2026-11-01' });
    const [url, init] = fetchStub.mock.calls[0];
    expect(url).toBe('/export/usage.csv?status=ERROR&from=2026-11-01T00%3A00%3A00.000Z');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('ends the session when the server answers 401', async () => {
    startSession('tok');
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(new Response('', { status: 401 })));
    await expect(downloadUsageCsv({})).rejects.toThrow(/expired/);
    expect(getSession().token).toBeNull();
  });
});
