import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

export type ParamsUpdate = (current: URLSearchParams) => URLSearchParams;

/**
 * useSearchParams whose setter starts from the params the previous call produced. React Router's
 * setter (its functional form too) starts from the params of the last render, so two changes
 * before a re-render (two filters picked quickly, a test driver) silently dropped the first.
 */
export function usePatchParams(): [URLSearchParams, (update: ParamsUpdate, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams();
  const pending = useRef<URLSearchParams | null>(null);
  // Once a render shows the new URL (or Back/Forward moved it), the router's params are current.
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const patch = useCallback(
    (update: ParamsUpdate, options?: NavigateOptions) => {
      const next = update(new URLSearchParams(pending.current ?? params));
      pending.current = next;
      setParams(next, options);
    },
    [params, setParams],
  );
  return [params, patch];
}
