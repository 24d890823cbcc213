/**
 * Where a session's bearer token is kept. Both apps go through this interface only, so moving
 * them to cookie sessions replaces one implementation rather than every caller.
 */
export interface TokenStorage {
  read(): string | null;
  write(token: string): void;
  clear(): void;
  /** Calls `onChange` when another tab signs in or out; returns the unsubscribe. */
  watch(onChange: (token: string | null) => void): () => void;
}

/** localStorage under `key`. Storage can throw (disabled, Safari private mode): that reads as signed out. */
export function createLocalTokenStorage(key: string): TokenStorage {
  const read = (): string | null => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  return {
    read,
    write(token) {
      try {
        window.localStorage.setItem(key, token);
      } catch {
        // The session then lasts until the tab closes; nothing better to do.
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
    watch(onChange) {
      const onStorage = (event: StorageEvent) => {
        // key null: the whole storage was cleared.
        if (event.key === key || event.key === null) onChange(read());
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}
