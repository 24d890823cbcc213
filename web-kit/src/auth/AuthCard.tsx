import type { ReactNode } from 'react';

/** The centred card of every signed-out page (sign in, forgotten password, new password). */
export function AuthCard({
  brand,
  title,
  intro,
  children,
}: {
  brand: ReactNode;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="brand">{brand}</div>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
