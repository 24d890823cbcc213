import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One URL search parameter as state. Each change is a new history entry (so Back undoes it);
 * other parameters are kept; undefined removes the parameter.
 *
 * Changes build on the previous change's URL, not only on the last render's: React Router's
 * setter (its functional form too) reads the params of the last render, so a second change made
 * before the re-render (filter, then tab) would undo the first.
 */
/** The URL the last change produced, until a render shows it. Shared: the tab and the service filter live in different components. */
let pending: URLSearchParams | null = null;

export function useSearchParam(name: string): [string | null, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    pending = null;
  }, [params]);
  const set = useCallback(
    (value: string | undefined) => {
      const next = new URLSearchParams(pending ?? params);
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
      pending = next;
      setParams(next);
    },
    [name, params, setParams],
  );
  return [params.get(name), set];
}
