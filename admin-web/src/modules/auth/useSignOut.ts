import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { LogoutDocument } from '../../__generated__/graphql';
import { endSession } from '../../app/session';

const LOGOUT_TIMEOUT_MS = 3000;

/**
 * Ends the session on the server, which clears its cookies (best effort, bounded), then forgets it
 * here whatever happened: without its CSRF cookie a leftover session cookie authenticates nothing.
 */
export function useSignOut(): () => Promise<void> {
  const [logout] = useMutation(LogoutDocument);
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await Promise.race([logout(), new Promise((resolve) => setTimeout(resolve, LOGOUT_TIMEOUT_MS))]);
    } catch {
      // An unreachable server must not keep anyone signed in on this device.
    } finally {
      endSession();
      navigate('/sign-in', { replace: true });
    }
  }, [logout, navigate]);
}
