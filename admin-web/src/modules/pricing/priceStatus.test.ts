import { describe, expect, it } from 'vitest';
import { priceStates } from './priceStatus';

describe('priceStates', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');
  it('marks scheduled, current and superseded per service and model', () => {
    const states = priceStates(
      [
        { id: 'future', service: 'OPENAI', model: 'gpt-4o', effectiveFrom: '2026-12-01T00:00:00.000Z' },
        { id: 'now', service: 'OPENAI', model: 'gpt-4o', effectiveFrom: '2026-11-01T00:00:00.000Z' },
        { id: 'old', service: 'OPENAI', model: 'gpt-4o', effectiveFrom: '2026-01-01T00:00:00.000Z' },
        { id: 'other-model', service: 'OPENAI', model: 'gpt-4o-mini', effectiveFrom: '2025-01-01T00:00:00.000Z' },
        { id: 'only-future', service: 'SMARTFLO', model: '', effectiveFrom: '2027-01-01T00:00:00.000Z' },
      ],
      now,
    );
    expect(Object.fromEntries(states)).toEqual({
      future: 'scheduled',
      now: 'current',
      old: 'superseded',
      'other-model': 'current',
      'only-future': 'scheduled',
    });
  });
});
