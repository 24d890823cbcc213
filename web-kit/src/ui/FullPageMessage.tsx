import type { ReactNode } from 'react';

export interface FullPageMessageProps {
  title: string;
  tone?: 'info' | 'warning' | 'error';
  /** Shows a spinner and marks the page busy for assistive technology. */
  busy?: boolean;
  children?: ReactNode;
}

/** A whole-page state outside the app shell: loading the account, wrong role, fatal errors. */
export function FullPageMessage({ title, tone = 'info', busy = false, children }: FullPageMessageProps) {
  return (
    <main id="main" className="page-message" aria-busy={busy || undefined}>
      <div className={`page-message-card tone-${tone}`} role={tone === 'error' ? 'alert' : undefined}>
        {busy && <span className="spinner" aria-hidden="true" />}
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
