import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../ui/Toasts';
import { SessionsPanel, sortSessions, type SessionListItem, type SessionsPanelProps } from './SessionsPanel';
import { describeUserAgent } from './user-agent';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const EDGE_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

describe('describeUserAgent', () => {
  it('names the common browsers and systems', () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe('Chrome on Linux');
    expect(describeUserAgent(FIREFOX_WINDOWS)).toBe('Firefox on Windows');
    expect(describeUserAgent(SAFARI_IPHONE)).toBe('Safari on iOS');
    expect(describeUserAgent(EDGE_MAC)).toBe('Edge on macOS');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
  });

  it('names other clients by their product, and says when there is nothing to go on', () => {
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
    expect(describeUserAgent('node')).toBe('node');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64)')).toBe('Browser on Linux');
    expect(describeUserAgent(null)).toBe('Unknown device');
    expect(describeUserAgent('  ')).toBe('Unknown device');
  });
});

const session = (overrides: Partial<SessionListItem>): SessionListItem => ({
  id: 's-1',
  createdAt: '2026-11-20T08:00:00.000Z',
  lastSeenAt: '2026-11-20T09:00:00.000Z',
  expiresAt: '2026-11-27T08:00:00.000Z',
  ip: '203.0.113.7',
  userAgent: CHROME_LINUX,
  current: false,
  ...overrides,
});

const SESSIONS = [
  session({
    id: 's-old',
    userAgent: FIREFOX_WINDOWS,
    lastSeenAt: '2026-11-19T09:00:00.000Z',
    ip: '198.51.100.2',
  }),
  session({ id: 's-here', current: true }),
  session({ id: 's-phone', userAgent: SAFARI_IPHONE, lastSeenAt: '2026-11-20T09:30:00.000Z', ip: null }),
];

function renderPanel(overrides: Partial<SessionsPanelProps> = {}) {
  const props: SessionsPanelProps = {
    sessions: SESSIONS,
    loading: false,
    error: null,
    onRetry: vi.fn(),
    onRevoke: vi.fn(async () => undefined),
    onSignOutEverywhere: vi.fn(async () => undefined),
    ...overrides,
  };
  render(
    <ToastProvider>
      <SessionsPanel {...props} />
    </ToastProvider>,
  );
  return props;
}

describe('SessionsPanel', () => {
  it('lists this device first, then by last activity, with browser, address and expiry', () => {
    expect(sortSessions(SESSIONS).map((s) => s.id)).toEqual(['s-here', 's-phone', 's-old']);
    renderPanel();
    const rows = within(screen.getByRole('table', { name: 'Your sessions' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Chrome on Linux This device',
      'Safari on iOS',
      'Firefox on Windows',
    ]);
    expect(rows[0]!.textContent).toContain('now');
    expect(rows[1]!.textContent).toContain('unknown');
    expect(rows[2]!.textContent).toContain('198.51.100.2');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
  });

  it('signs out another session at once', async () => {
    const props = renderPanel();
    await userEvent
      .setup()
      .click(
        screen.getByRole('button', { name: /^Sign out Firefox on Windows at 198\.51\.100\.2, last active/ }),
      );
    expect(props.onRevoke).toHaveBeenCalledWith('s-old');
    expect(await screen.findByText('Signed out Firefox on Windows')).toBeTruthy();
  });

  it('signs out everywhere only after a confirmation, and keeps a failure in the dialog', async () => {
    const failure = new CombinedGraphQLErrors({
      errors: [{ message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    const props = renderPanel({ onSignOutEverywhere: vi.fn(async () => Promise.reject(failure)) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out everywhere?' });
    expect(props.onSignOutEverywhere).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    expect(props.onSignOutEverywhere).toHaveBeenCalledTimes(1);
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^The server ran into a problem/);
  });
});
