import { describe, expect, it, vi } from 'vitest';
import { createSocketStatus, pollIntervalFor } from './socket-status';
import { createLocalTokenStorage } from './token-storage';

describe('createLocalTokenStorage', () => {
  it('keeps the token under its own key', () => {
    const storage = createLocalTokenStorage('um.test.token');
    expect(storage.read()).toBeNull();
    storage.write('tok');
    expect(window.localStorage.getItem('um.test.token')).toBe('tok');
    expect(storage.read()).toBe('tok');
    storage.clear();
    expect(storage.read()).toBeNull();
  });

  it('reads blocked storage as signed out instead of throwing', () => {
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(createLocalTokenStorage('um.test.token').read()).toBeNull();
    spy.mockRestore();
  });

  it('follows sign-in and sign-out in other tabs, for its key only', () => {
    const storage = createLocalTokenStorage('um.test.token');
    const seen: (string | null)[] = [];
    const stop = storage.watch((token) => seen.push(token));
    window.localStorage.setItem('um.test.token', 'other-tab');
    window.dispatchEvent(new StorageEvent('storage', { key: 'um.test.token' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'something.else' }));
    window.localStorage.removeItem('um.test.token');
    window.dispatchEvent(new StorageEvent('storage', { key: null }));
    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: 'um.test.token' }));
    expect(seen).toEqual(['other-tab', null]);
  });
});

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
