import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSearchParam } from './useSearchParam';

function setup(route: string) {
  const seen: { search?: string; setTab?: (v: string | undefined) => void; setService?: (v: string | undefined) => void } = {};
  function Probe() {
    seen.setTab = useSearchParam('tab')[1];
    seen.setService = useSearchParam('service')[1];
    seen.search = useLocation().search;
    return null;
  }
  render(
    <MemoryRouter initialEntries={[route]}>
      <Probe />
    </MemoryRouter>,
  );
  return seen;
}

describe('useSearchParam', () => {
  it('keeps other params and removes an emptied one', () => {
    const seen = setup('/usage?tab=history&service=OPENAI');
    act(() => seen.setService!(undefined));
    expect(seen.search).toBe('?tab=history');
  });

  it('keeps both of two changes made before a re-render', () => {
    const seen = setup('/usage');
    act(() => {
      seen.setService!('SMARTFLO');
      seen.setTab!('history');
    });
    expect(new URLSearchParams(seen.search).toString()).toBe('service=SMARTFLO&tab=history');
  });
});
