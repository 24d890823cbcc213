import { useCallback, useEffect } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

/** A copy of `params` with `patch` applied; null, undefined and '' remove a parameter. */
export function withParams(
  params: URLSearchParams,
  patch: Record<string, string | number | null | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export type ParamsUpdate = (current: URLSearchParams) => URLSearchParams;

/**
 * The URL the last change produced, until a render shows it. Module-wide rather than per hook:
 * a tab and a filter living in different components can both change the URL before a re-render.
 */
let pending: URLSearchParams | null = null;

/**
 * useSearchParams whose setter starts from the params the previous change produced. React
 * Router's setter (its functional form too) starts from the params of the last render, so two
 * changes before a re-render (two filters picked quickly, a tab and a filter) dropped the first.
 * Each change is a new history entry, so Back undoes it.
 */
export function usePatchParams(): [
  URLSearchParams,
  (update: ParamsUpdate, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  // Once a render shows the new URL (or Back/Forward moved it), the router's params are current.
  useEffect(() => {
    pending = null;
  }, [params]);
  const patch = useCallback(
    (update: ParamsUpdate, options?: NavigateOptions) => {
      const next = update(new URLSearchParams(pending ?? params));
      pending = next;
      setParams(next, options);
    },
    [params, setParams],
  );
  return [params, patch];
}

/** One URL search parameter as state; other parameters are kept; undefined removes it. */
export function useSearchParam(name: string): [string | null, (value: string | undefined) => void] {
  const [params, patch] = usePatchParams();
  const set = useCallback(
    (value: string | undefined) => patch((current) => withParams(current, { [name]: value })),
    [name, patch],
  );
  return [params.get(name), set];
}
