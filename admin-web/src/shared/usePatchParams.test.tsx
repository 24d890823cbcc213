import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation, useSearchParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { usePatchParams } from './usePatchParams';
import { withParams } from './urlFilters';

function setup(hook: 'patch' | 'router') {
  const seen: { search?: string; set?: (patch: Record<string, string>) => void } = {};
  function Probe() {
    const [, patchParams] = usePatchParams();
    const [params, setParams] = useSearchParams();
    seen.search = useLocation().search;
    seen.set = (patch) => (hook === 'patch' ? patchParams((current) => withParams(current, patch)) : setParams(withParams(params, patch)));
    return null;
  }
  render(
    <MemoryRouter initialEntries={['/usage-logs?size=25']}>
      <Probe />
    </MemoryRouter>,
  );
  return seen;
}

describe('usePatchParams', () => {
  it('keeps both of two changes made before a re-render', () => {
    const seen = setup('patch');
    act(() => {
      seen.set!({ tenant: 't1' });
      seen.set!({ service: 'OPENAI' });
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&tenant=t1&service=OPENAI');
  });

  it('is needed: the router setter alone drops the first of them', () => {
    const seen = setup('router');
    act(() => {
      seen.set!({ tenant: 't1' });
      seen.set!({ service: 'OPENAI' });
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&service=OPENAI');
  });

  it('builds on the URL across separate renders too', () => {
    const seen = setup('patch');
    act(() => seen.set!({ tenant: 't1' }));
    act(() => seen.set!({ service: 'SMARTFLO' }));
    expect(new URLSearchParams(seen.search).toString()).toBe('size=25&tenant=t1&service=SMARTFLO');
  });
});
