import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../ui/Toasts';
import { ApiKeysPanel, sortApiKeys, type ApiKeyListItem, type ApiKeysPanelProps } from './ApiKeysPanel';

const key = (overrides: Partial<ApiKeyListItem>): ApiKeyListItem => ({
  id: 'k-1',
  name: 'Production backend',
  prefix: 'um_live_abcd',
  lastFour: 'wxyz',
  createdAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

const KEYS = [
  key({
    id: 'k-old',
    name: 'Old',
    createdAt: '2026-10-01T09:00:00.000Z',
    revokedAt: '2026-10-15T09:00:00.000Z',
  }),
  key({ id: 'k-1', name: 'Production backend', lastUsedAt: new Date().toISOString() }),
  key({ id: 'k-2', name: 'Staging', createdAt: '2026-11-05T09:00:00.000Z' }),
];

function renderPanel(overrides: Partial<ApiKeysPanelProps> = {}) {
  const props: ApiKeysPanelProps = {
    keys: KEYS,
    loading: false,
    error: null,
    onRetry: vi.fn(),
    canManage: true,
    onCreate: vi.fn(async () => 'um_live_the_whole_secret_1234'),
    onRevoke: vi.fn(async () => undefined),
    intro: 'Keys record usage.',
    ...overrides,
  };
  render(
    <ToastProvider>
      <ApiKeysPanel {...props} />
    </ToastProvider>,
  );
  return props;
}

describe('ApiKeysPanel', () => {
  it('lists active keys first, newest first, by start and last four only', () => {
    expect(sortApiKeys(KEYS).map((k) => k.id)).toEqual(['k-2', 'k-1', 'k-old']);
    renderPanel({ canManage: false });
    const rows = within(screen.getByRole('table', { name: 'API keys' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Staging',
      'Production backend',
      'Old',
    ]);
    expect(rows[1]!.textContent).toContain('um_live_abcd…wxyz');
    expect(rows[1]!.textContent).toContain('just now');
    expect(rows[0]!.textContent).toContain('never');
    expect(rows[2]!.textContent).toMatch(/Revoked/);
  });

  it('offers nothing to change to someone who may not manage keys', () => {
    renderPanel({ canManage: false });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('Key name')).toBeNull();
  });

  it('creates a key and shows its secret once, in a dialog with a copy button and a warning', async () => {
    const props = renderPanel();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByText(/Name the key after where it will be used/)).toBeTruthy();
    await user.type(screen.getByLabelText('Key name'), 'Billing worker');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(props.onCreate).toHaveBeenCalledWith('Billing worker');
    const dialog = await screen.findByRole('dialog', { name: 'New API key “Billing worker”' });
    expect(within(dialog).getByLabelText('The new API key').textContent).toBe(
      'um_live_the_whole_secret_1234',
    );
    expect(within(dialog).getByText(/shown only once/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText('um_live_the_whole_secret_1234')).toBeNull();
    expect((screen.getByLabelText('Key name') as HTMLInputElement).value).toBe('');
  });

  it('revokes only after a confirmation', async () => {
    const props = renderPanel();
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Revoke key Old' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Revoke key Staging' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Staging”?' });
    expect(props.onRevoke).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    expect(props.onRevoke).toHaveBeenCalledWith('k-2');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Key “Staging” revoked')).toBeTruthy();
  });
});
