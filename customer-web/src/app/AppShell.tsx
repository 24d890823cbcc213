import { useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession, useViewer } from '../modules/auth/session-context';

export function AppShell() {
  const viewer = useViewer();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <Link to="/usage" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◔
          </span>
          Usage Monitor
        </Link>
        <nav aria-label="Portal" className="portal-nav">
          <NavLink to="/usage">Usage</NavLink>
          <NavLink to="/statements">Statements</NavLink>
          <NavLink to="/team">Team</NavLink>
          <NavLink to="/api-keys">API keys</NavLink>
          <NavLink to="/integrate">Integrate</NavLink>
        </nav>
        <div className="account">
          <span className="account-tenant">{viewer.tenant.name}</span>
          <span className="account-email">{viewer.email}</span>
          <Link to="/account" className="button button-small button-ghost">
            Account
          </Link>
          <button
            type="button"
            className="button button-small"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut();
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="content">
        <Outlet />
      </main>
      <footer className="footer">
        Billing months run in UTC. Times are shown in your local time zone.
      </footer>
    </div>
  );
}
