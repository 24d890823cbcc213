import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LiveStatusBadge, RefreshButton, useToast } from '@usage-monitor/web-kit/ui';
import { useSignOut } from '../modules/auth/useSignOut';
import { useConnectionState } from './connection';
import { useViewer } from './viewer';

function RefreshAll() {
  const client = useApolloClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    setBusy(true);
    try {
      await client.refetchQueries({ include: 'active' });
    } catch {
      toast.push('Refresh failed; showing the last data loaded.', 'danger');
    } finally {
      setBusy(false);
    }
  };
  return <RefreshButton busy={busy} onRefresh={() => void refresh()} />;
}

export function TopBar({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const viewer = useViewer();
  const signOut = useSignOut();
  const connection = useConnectionState();
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button menu-button"
        aria-expanded={menuOpen}
        aria-controls="sidebar"
        onClick={onToggleMenu}
        aria-label="Menu"
      >
        ☰
      </button>
      <LiveStatusBadge state={connection} />
      <div className="topbar-spacer" />
      <RefreshAll />
      <span className="viewer-email" title="Signed in as">
        {viewer?.email}
      </span>
      <Link to="/account" className="button button-small button-ghost topbar-account">
        Account
      </Link>
      <button type="button" className="button button-small" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
