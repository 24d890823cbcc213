import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VoidUsageDocument, type UsageLogRowFragment } from '../../__generated__/graphql';
import { renderWithProviders } from '../../test/render';
import { UsageLogTable } from './UsageLogTable';
import { VoidUsageDialog } from './VoidUsageDialog';

// __typename as the server sends it, so the mocked answer lands in the cache like a real one.
const log = {
  __typename: 'UsageLog',
  id: '0b6f7c1e-2f7a-4a57-9a3c-5b8e8f0d7a11',
  occurredAt: '2026-11-20T10:15:00.000Z',
  service: 'OPENAI',
  model: 'gpt-4o',
  inputTokens: 150,
  outputTokens: 450,
  cachedInputTokens: null,
  characters: null,
  durationSeconds: null,
  costUsd: '0.0123456789',
  pricingStatus: 'PRICED',
  status: 'SUCCESS',
  requestId: 'chatcmpl-abc123',
  endUser: 'user-42',
  source: 'API',
  voidedAt: null,
  voidReason: null,
  voidedBy: null,
  tenant: { __typename: 'Tenant', id: 't1', name: 'Acme Corp' },
} as UsageLogRowFragment;

const voided: UsageLogRowFragment = {
  ...log,
  voidedAt: '2026-11-21T08:00:00.000Z',
  voidReason: 'Recorded twice by a retry',
  voidedBy: 'admin@example.com',
};

const voidMock = (reason: string) => ({
  request: { query: VoidUsageDocument, variables: { id: log.id, reason, occurredAt: log.occurredAt } },
  result: { data: { voidUsage: voided } },
});

describe('VoidUsageDialog', () => {
  it('shows what is voided, to the last digit of its cost, and asks why before sending anything', async () => {
    const onClose = vi.fn();
    renderWithProviders(<VoidUsageDialog log={log} onClose={onClose} />, { mocks: [] });
    const dialog = screen.getByRole('dialog', { name: 'Void this event?' });
    const summary = dialog.querySelector('dl')!;
    expect(summary.textContent).toContain('Acme Corp');
    expect(summary.textContent).toContain('OpenAI · gpt-4o');
    expect(summary.textContent).toContain('$0.0123456789');
    const reason = within(dialog).getByLabelText('Reason');
    expect(document.activeElement).toBe(reason);

    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Void this event' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Say why this event should not count; the reason is kept with it.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('voids with the trimmed reason and the log’s time, then confirms and closes', async () => {
    const onClose = vi.fn();
    const onVoided = vi.fn();
    renderWithProviders(<VoidUsageDialog log={log} onClose={onClose} onVoided={onVoided} />, {
      mocks: [voidMock('Recorded twice by a retry')],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Reason'), '  Recorded twice by a retry ');
    await user.click(screen.getByRole('button', { name: 'Void this event' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(onVoided).toHaveBeenCalledOnce();
    expect(await screen.findByText('Voided: $0.0123456789 of Acme Corp no longer counts.')).toBeTruthy();
  });

  it('keeps the dialog open with the server’s answer when it refuses', async () => {
    const onClose = vi.fn();
    renderWithProviders(<VoidUsageDialog log={log} onClose={onClose} />, {
      mocks: [
        {
          ...voidMock('Test'),
          result: { errors: [{ message: 'Usage log not found', extensions: { code: 'NOT_FOUND' } }] },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Reason'), 'Test');
    await user.click(screen.getByRole('button', { name: 'Void this event' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Usage log not found');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes with Escape without voiding', async () => {
    const onClose = vi.fn();
    renderWithProviders(<VoidUsageDialog log={log} onClose={onClose} />, { mocks: [] });
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('UsageLogTable', () => {
  it('offers Void on rows that count, and strikes through a voided row with who, when and why', async () => {
    const onVoid = vi.fn();
    renderWithProviders(
      <UsageLogTable rows={[log, { ...voided, id: 'other' }]} caption="Usage logs" onVoid={onVoid} />,
    );
    const [, counting, gone] = screen.getAllByRole('row');
    expect(counting.className).not.toContain('row-voided');
    await userEvent
      .setup()
      .click(within(counting).getByRole('button', { name: /^Void the OpenAI call of Acme Corp at / }));
    expect(onVoid).toHaveBeenCalledWith(log);

    expect(gone.className).toContain('row-voided');
    expect(within(gone).queryByRole('button')).toBeNull();
    expect(gone.querySelector('.voided-note .cell-note')?.textContent).toMatch(
      /^Voided by admin@example\.com at .+: Recorded twice by a retry$/,
    );
  });

  it('shows no Void column where voiding is not offered', () => {
    renderWithProviders(<UsageLogTable rows={[log]} caption="Recent calls" />);
    expect(screen.queryByRole('button', { name: /^Void/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
  });
});
