import { describe, expect, it } from 'vitest';
import { fieldChanges } from './field-changes.js';

describe('fieldChanges', () => {
  it('records from and to for each asked-for field that changed', () => {
    const before = { limit: '100', percent: 80, name: 'a' };
    const after = { limit: '200', percent: 80, name: 'b' };
    expect(fieldChanges(before, after, ['limit', 'percent'])).toEqual({ limit: { from: '100', to: '200' } });
  });

  it('treats a created row as changing every field from null', () => {
    expect(fieldChanges(null, { limit: '5', percent: 80 }, ['limit', 'percent'])).toEqual({
      limit: { from: null, to: '5' },
      percent: { from: null, to: 80 },
    });
  });

  it('records a removal as a change to null, and a no-op as nothing', () => {
    expect(fieldChanges({ limit: '5' as string | null }, { limit: null }, ['limit'])).toEqual({ limit: { from: '5', to: null } });
    expect(fieldChanges({ limit: '5' }, { limit: '5' }, ['limit'])).toEqual({});
  });
});
