import { useQuery } from '@apollo/client/react';
import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SkeletonRows } from '@usage-monitor/web-kit/ui';
import { ActiveAlertsDocument } from '../__generated__/graphql';
import { LiveAlerts } from '../modules/alerts/LiveAlerts';
import { Icon, type IconName } from '../shared/ui/Icon';
import { usePollInterval } from './connection';
import { useCanManageAdmins } from './permissions';
import { TopBar } from './TopBar';

const NAV = [
  { to: '/', label: 'Usage Monitoring', icon: 'chart', end: true },
  { to: '/customers', label: 'Customers', icon: 'customers' },
  { to: '/users', label: 'End users', icon: 'user' },
  { to: '/quotas', label: 'Quotas', icon: 'sliders' },
  { to: '/alerts', label: 'Alerts', icon: 'bell' },
  { to: '/usage-logs', label: 'Usage Logs', icon: 'list' },
  { to: '/pricing', label: 'Pricing', icon: 'dollar' },
  { to: '/statements', label: 'Statements', icon: 'file' },
  { to: '/audit', label: 'Audit log', icon: 'clipboard' },
  // Only owners manage admins; for anyone else the page would only say so.
  { to: '/team', label: 'Team', icon: 'shield', ownersOnly: true },
] as const satisfies readonly { to: string; label: string; icon: IconName; end?: boolean; ownersOnly?: boolean }[];

function ActiveAlertCount() {
  const { data } = useQuery(ActiveAlertsDocument, { pollInterval: usePollInterval() });
  const count = data?.alerts.filter((a) => a.status === 'ACTIVE').length ?? 0;
  if (!count) return null;
  return (
    <span className="nav-count">
      {count}
      <span className="visually-hidden"> active</span>
    </span>
  );
}

export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const managesAdmins = useCanManageAdmins();
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // On a phone the open menu covers its own toggle: Escape, the scrim and a close button shut it.
  useEffect(() => {
    if (!menuOpen) return;
    document.querySelector<HTMLElement>('#sidebar .nav-link')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      document.querySelector<HTMLElement>('.menu-button')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside id="sidebar" className={`sidebar${menuOpen ? ' sidebar-open' : ''}`}>
        <div className="brand">
          <Icon name="pulse" className="brand-icon" /> Usage Monitor <span className="brand-tag">Admin</span>
          <button type="button" className="icon-button sidebar-close" onClick={() => setMenuOpen(false)} aria-label="Close menu">
            ×
          </button>
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.filter((item) => managesAdmins || !('ownersOnly' in item)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={'end' in item ? item.end : false} className="nav-link">
                  <Icon name={item.icon} className="nav-icon" />
                  {item.label}
                  {item.to === '/alerts' && <ActiveAlertCount />}
                </NavLink>
              </li>
            ))}
            {/* On a phone the top bar has no room for Account: it is here, in the menu. */}
            <li className="nav-account">
              <NavLink to="/account" className="nav-link">
                <Icon name="user" className="nav-icon" />
                Account
              </NavLink>
            </li>
          </ul>
        </nav>
      </aside>
      {menuOpen && <div className="sidebar-scrim" onClick={() => setMenuOpen(false)} aria-hidden="true" />}
      <div className="shell-main">
        <TopBar menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((o) => !o)} />
        <main id="main" className="content" tabIndex={-1}>
          <Suspense fallback={<SkeletonRows rows={6} label="Loading page" />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <LiveAlerts />
    </div>
  );
}
