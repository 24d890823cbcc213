import { describe, expect, it, vi } from 'vitest';
import { createSocketStatus, pollIntervalFor } from './socket-status';

describe('socket status', () => {
  it('notifies only on a real change', () => {
    const status = createSocketStatus();
    const listener = vi.fn();
    status.subscribe(listener);
    status.set('idle');
    status.set('live');
    status.set('live');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(status.get()).toBe('live');
  });

  it('polls only while the socket is not live', () => {
    expect(pollIntervalFor('live')).toBe(0);
    expect(pollIntervalFor('reconnecting')).toBe(30_000);
    expect(pollIntervalFor('idle')).toBe(30_000);
  });
});
