import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SocketState, SocketStatus } from '../../app/socket-status';
import type { SessionViewerFragment } from '../../__generated__/graphql';
import type { SessionNotice, SessionStore } from './session-store';

export interface SessionContextValue {
  token: string | null;
  notice: SessionNotice;
  socket: SocketStatus;
  signIn: SessionStore['signIn'];
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
  const { socket } = useSession();
  return useSyncExternalStore(socket.subscribe, socket.get);
}

/** A signed-in customer: always has a tenant (RequireCustomer lets no one else through). */
export type CustomerViewer = SessionViewerFragment & { tenant: NonNullable<SessionViewerFragment['tenant']> };

export const ViewerContext = createContext<CustomerViewer | null>(null);

export function useViewer(): CustomerViewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer is only available inside <RequireCustomer>');
  return viewer;
}
