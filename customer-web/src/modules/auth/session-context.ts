import { createContext, useContext } from 'react';
import { pollIntervalFor, useSocketStatus, type SocketState, type SocketStatus } from '@usage-monitor/web-kit/apollo';
import type { SessionViewerFragment } from '../../__generated__/graphql';
import type { SessionNotice, SessionStore } from './session-store';

export interface SessionContextValue {
  /** The session's CSRF token: present when this browser holds a session cookie (`me` says whether it still holds). */
  csrfToken: string | null;
  notice: SessionNotice;
  socket: SocketStatus;
  signIn: SessionStore['signIn'];
  signInWith: SessionStore['signInWith'];
  signOut: SessionStore['signOut'];
  expire: SessionStore['expire'];
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider>');
  return session;
}

export function useSocketState(): SocketState {
  return useSocketStatus(useSession().socket);
}

/** A pollInterval for live data: none while the socket pushes updates, a fallback while it is down. */
export function usePollFallback(): number {
  return pollIntervalFor(useSocketState());
}

/** A signed-in customer: always has a tenant (RequireCustomer lets no one else through). */
export type CustomerViewer = SessionViewerFragment & { tenant: NonNullable<SessionViewerFragment['tenant']> };

export const ViewerContext = createContext<CustomerViewer | null>(null);

export function useViewer(): CustomerViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer is only available inside <RequireCustomer>');
  return viewer;
}
