import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DownloadError } from '../downloads';
import { downloadStatement } from './download-statement';
import { statementFileName, type StatementRowData } from './statement-types';
import { StatementsTable } from './StatementsTable';

const row = (overrides: Partial<StatementRowData> = {}): StatementRowData => ({
  id: 't1:2026-10',
  number: 'UM-2026-10-0007',
  period: '2026-10',
  status: 'FINAL',
  totalUsd: '1234.500000000001',
  finalizedAt: '2026-11-02T10:00:00Z',
  pdfUrl: '/export/statements/t1/2026-10.pdf',
  csvUrl: '/export/statements/t1/2026-10.csv',
  tenant: { id: 't1', name: 'Acme Corp' },
  ...overrides,
});
const open = row({ id: 't1:2026-11', number: null, period: '2026-11', status: 'OPEN', finalizedAt: null, totalUsd: '3' });

describe('statements', () => {
  it('names files by number, or by period while OPEN', () => {
    expect(statementFileName(row(), 'pdf')).toBe('statement-UM-2026-10-0007-acme-corp.pdf');
    expect(statementFileName(open, 'csv')).toBe('statement-2026-11-open-acme-corp.csv');
    expect(statementFileName(row({ tenant: { id: 'x', name: '株式会社' } }), 'pdf')).toBe('statement-UM-2026-10-0007-customer.pdf');
  });

  it('lists number or "not final yet", the exact total, and downloads each format', async () => {
    const onDownload = vi.fn();
    render(<StatementsTable statements={[open, row()]} showCustomer onDownload={onDownload} renderActions={(s) => (s.status === 'OPEN' ? <button type="button">Finalize</button> : null)} />);
    const rows = within(screen.getByRole('table', { name: 'Statements' })).getAllByRole('row');
    expect(rows[1]!.textContent).toMatch(/November 2026.*Acme Corp.*not final yet.*Open.*\$3\.00/);
    expect(rows[2]!.textContent).toMatch(/October 2026.*UM-2026-10-0007.*Final.*\$1,234\.500000000001/);
    expect(within(rows[2]!).queryByRole('button', { name: 'Finalize' })).toBeNull();
    await userEvent.click(within(rows[2]!).getByRole('button', { name: 'Download CSV of Acme Corp October 2026' }));
    expect(onDownload).toHaveBeenCalledWith(row(), 'csv');
  });

  it('fetches the download with the session headers and saves it; a 401 says the session expired', async () => {
    const fetchImpl = vi.fn(async () => new Response('%PDF-1.3', { status: 200 }));
    const save = vi.fn();
    await downloadStatement(row(), 'pdf', { apiBase: 'https://api.example', headers: { 'x-csrf-token': 'c' }, fetchImpl, save });
    expect(fetchImpl).toHaveBeenCalledWith('https://api.example/export/statements/t1/2026-10.pdf', { credentials: 'same-origin', headers: { 'x-csrf-token': 'c', accept: 'application/pdf' } });
    expect(save.mock.calls[0]![1]).toBe('statement-UM-2026-10-0007-acme-corp.pdf');
    const expired = downloadStatement(row(), 'csv', { apiBase: '', headers: {}, fetchImpl: async () => new Response('', { status: 401 }), save });
    await expect(expired).rejects.toBeInstanceOf(DownloadError);
    await expect(expired).rejects.toMatchObject({ status: 401 });
    await expect(downloadStatement(row(), 'csv', { apiBase: '', headers: {}, fetchImpl: async () => new Response('', { status: 403 }), save })).rejects.toMatchObject({ status: 403 });
  });
});
