import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserSessionCookie, readCookie, sessionHeaders, socketConnectionParams } from './session-cookie';

afterEach(() => {
  document.cookie = 'um_admin_csrf=; Max-Age=0; Path=/';
  document.cookie = 'um_portal_csrf=; Max-Age=0; Path=/';
});

describe('the session cookie protocol', () => {
  it('reads one cookie out of document.cookie, empty or missing as none', () => {
    const cookies = 'theme=dark; um_admin_csrf=abc%2Bdef; um_portal_csrf=; other=um_admin_csrf=x';
    expect(readCookie('um_admin_csrf', cookies)).toBe('abc+def');
    expect(readCookie('um_portal_csrf', cookies)).toBeNull();
    expect(readCookie('um_admin_session', cookies)).toBeNull();
    expect(readCookie('um_admin_csrf', '')).toBeNull();
    expect(readCookie('bad', 'bad=%E0%A4%A')).toBeNull();
  });

  it('names the app on every request and adds the CSRF token only with a session', () => {
    expect(sessionHeaders('admin', null)).toEqual({ 'X-Usage-Monitor-App': 'admin' });
    expect(sessionHeaders('portal', 'c1')).toEqual({ 'X-Usage-Monitor-App': 'portal', 'X-CSRF-Token': 'c1' });
    expect(socketConnectionParams('portal', 'c1')).toEqual({ app: 'portal', csrfToken: 'c1' });
  });

  it('reads each app’s CSRF cookie apart, and forgets it', () => {
    document.cookie = 'um_admin_csrf=admin-csrf; Path=/';
    document.cookie = 'um_portal_csrf=portal-csrf; Path=/';
    const admin = browserSessionCookie('admin');
    expect(admin.read()).toBe('admin-csrf');
    expect(browserSessionCookie('portal').read()).toBe('portal-csrf');
    admin.forget();
    expect(admin.read()).toBeNull();
    expect(browserSessionCookie('portal').read()).toBe('portal-csrf');
  });

  it('hears another tab’s sign-in, for its own app only', async () => {
    const here = browserSessionCookie('admin');
    const seen: (string | null)[] = [];
    const stop = here.watch((csrf) => seen.push(csrf));
    document.cookie = 'um_admin_csrf=from-other-tab; Path=/';
    browserSessionCookie('portal').announce();
    browserSessionCookie('admin').announce();
    await vi.waitFor(() => expect(seen).toEqual(['from-other-tab']));
    stop();
  });

  it('checks again when the tab comes back into view', () => {
    const here = browserSessionCookie('portal');
    const onChange = vi.fn();
    const stop = here.watch(onChange);
    document.cookie = 'um_portal_csrf=later; Path=/';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onChange).toHaveBeenCalledWith('later');
    stop();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
