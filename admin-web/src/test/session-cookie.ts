// What the server's sign-in answer does to this app's cookies, as far as a script can see:
// the readable CSRF cookie (the httpOnly session cookie is invisible here, as in a browser).

export function serverStartsSession(csrfToken: string): void {
  document.cookie = `um_admin_csrf=${csrfToken}; Path=/`;
}

export function serverEndsSession(): void {
  document.cookie = 'um_admin_csrf=; Max-Age=0; Path=/';
}

export function csrfCookie(): string | null {
  return /(?:^|;\s*)um_admin_csrf=([^;]*)/.exec(document.cookie)?.[1] || null;
}
