import { createContext, useContext } from 'react';
import {
  createSocketStatus,
  pollIntervalFor,
  useSocketStatus,
  type SocketState,
  type SocketStatus,
} from '@usage-monitor/web-kit/apollo';

/** The socket of the current session (AppApolloProvider provides it); signed out, an idle one. */
export const SocketStatusContext = createContext<SocketStatus>(createSocketStatus());

export function useConnectionState(): SocketState {
  return useSocketStatus(useContext(SocketStatusContext));
}

/** Polling is only a fallback: while the socket is live, subscriptions keep data fresh. */
export function usePollInterval(): number {
  return pollIntervalFor(useConnectionState());
}
