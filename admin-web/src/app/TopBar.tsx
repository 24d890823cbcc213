import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useSignOut } from '../modules/auth/useSignOut';
import { useToast } from '../shared/ui/Toasts';
import { useConnectionState, type ConnectionState } from './connection';
import { useViewer } from './viewer';

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  idle: 'Idle',
};

function ConnectionIndicator() {
  const state = useConnectionState();
  const tone = state === 'live' ? 'live' : state === 'idle' ? 'idle' : 'down';
  return (
    <span className={`connection connection-${tone}`} role="status" title={state === 'live' ? 'Receiving live updates' : 'Live updates paused; data refreshes every 30 s'}>
      <span className="connection-dot" aria-hidden="true" />
      {CONNECTION_TEXT[state]}
    </span>
  );
}

function RefreshButton() {
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
  return (
    <button type="button" className="button button-small" onClick={refresh} disabled={busy} aria-busy={busy}>
      <span aria-hidden="true" className={busy ? 'spin' : undefined}>
        ↻
      </span>{' '}
      {busy ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}

export function TopBar({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const viewer = useViewer();
  const signOut = useSignOut();
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
      <ConnectionIndicator />
      <div className="topbar-spacer" />
      <RefreshButton />
      <span className="viewer-email" title="Signed in as">
        {viewer?.email}
      </span>
      <button type="button" className="button button-small" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
