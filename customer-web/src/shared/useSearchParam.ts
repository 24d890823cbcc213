import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * One URL search parameter as state. Each change is a new history entry (so Back undoes it);
 * other parameters are kept; undefined removes the parameter.
 */
export function useSearchParam(name: string): [string | null, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (value === undefined || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      });
    },
    [name, setParams],
  );
  return [params.get(name), set];
}
