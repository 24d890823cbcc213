import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation, useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { usePatchParams, useSearchParam, withParams } from './search-params';

function setupPatch(hook: 'patch' | 'router') {
  const seen: { search?: string; set?: (patch: Record<string, string>) => void } = {};
  function Probe() {
    const [, patchParams] = usePatchParams();
    const [params, setParams] = useSearchParams();
    seen.search = useLocation().search;
    seen.set = (patch) =>
      hook === 'patch'
        ? patchParams((current) => withParams(current, patch))
        : setParams(withParams(params, patch));
    return null;
  }
  render(
    <MemoryRouter initialEntries={['/usage-logs?size=25']}>
      <Probe />
    </MemoryRouter>,
  );
  return seen;
}

function setupParams(route: string) {
  const seen: {
    search?: string;
    setTab?: (v: string | undefined) => void;
    setService?: (v: string | undefined) => void;
  } = {};
  function Tab() {
    seen.setTab = useSearchParam('tab')[1];
    return null;
  }
  function Probe() {
    seen.setService = useSearchParam('service')[1];
    seen.search = useLocation().search;
    return null;
  }
  render(
    <MemoryRouter initialEntries={[route]}>
      <Tab />
      <Probe />
    </MemoryRouter>,
  );
  return seen;
}

describe('withParams', () => {
  it('sets, replaces and removes parameters without touching the original', () => {
    const params = new URLSearchParams('a=1&b=2');
    expect(withParams(params, { a: 3, b: undefined, c: 'x', d: '' }).toString()).toBe('a=3&c=x');
    expect(params.toString()).toBe('a=1&b=2');
  });
});

describe('usePatchParams', () => {
  it('keeps both of two changes made before a re-render', () => {
    const seen = setupPatch('patch');
    act(() => {
      seen.set!({ tenant: 't1' });
      seen.set!({ service: 'OPENAI' });
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&tenant=t1&service=OPENAI');
  });

  it('is needed: the router setter alone drops the first of them', () => {
    const seen = setupPatch('router');
    act(() => {
      seen.set!({ tenant: 't1' });
      seen.set!({ service: 'OPENAI' });
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&service=OPENAI');
  });

  it('builds on the URL across separate renders too', () => {
    const seen = setupPatch('patch');
    act(() => seen.set!({ tenant: 't1' }));
    act(() => seen.set!({ service: 'SMARTFLO' }));
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&tenant=t1&service=SMARTFLO');
  });
});

describe('useSearchParam', () => {
  it('keeps other params and removes an emptied one', () => {
    const seen = setupParams('/usage?tab=history&service=OPENAI');
    act(() => seen.setService!(undefined));
    expect(seen.search).toBe('?tab=history');
  });

  it('keeps both of two changes made in different components before a re-render', () => {
    const seen = setupParams('/usage');
    act(() => {
      seen.setService!('SMARTFLO');
      seen.setTab!('history');
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('service=SMARTFLO&tab=history');
  });
});
