import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { releaseIdleAsyncContexts } from './async-context.js';

releaseIdleAsyncContexts();

// Node 20 keeps the promise hook on while any storage is `enabled` (lib/async_hooks.js); the
// flag is internal, so read it defensively.
const isOn = (storage: AsyncLocalStorage<unknown>) => (storage as unknown as { enabled: boolean }).enabled;

describe('async contexts switched off when idle', () => {
  it('keeps each concurrent run its own store across awaits, nested runs included', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: string[] = [];
    const task = (name: string, delay: number) =>
      storage.run(name, async () => {
        await sleep(delay);
        seen.push(`${name}:${storage.getStore()}`);
        await storage.run(`${name}-inner`, async () => {
          await sleep(1);
          seen.push(`${name}:${storage.getStore()}`);
        });
        seen.push(`${name}:${storage.getStore()}`);
      });
    await Promise.all([task('a', 5), task('b', 1), task('c', 3)]);
    expect(seen.sort()).toEqual(['a:a', 'a:a', 'a:a-inner', 'b:b', 'b:b', 'b:b-inner', 'c:c', 'c:c', 'c:c-inner']);
  });

  it('switches a storage off once its last promise-returning run has settled, and on again for the next', async () => {
    const storage = new AsyncLocalStorage<number>();
    let release!: () => void;
    const first = storage.run(1, () => new Promise<void>((resolve) => (release = resolve)));
    const second = storage.run(2, async () => {
      await sleep(1);
      expect(isOn(storage)).toBe(true);
      return storage.getStore();
    });
    expect(await second).toBe(2);
    expect(isOn(storage)).toBe(true); // the first run is still going
    release();
    await first;
    expect(isOn(storage)).toBe(false);
    expect(storage.getStore()).toBeUndefined();

    expect(await storage.run(3, async () => storage.getStore())).toBe(3);
    expect(isOn(storage)).toBe(false);
  });

  it('passes a rejection and a throw through unchanged, and still switches off', async () => {
    const storage = new AsyncLocalStorage<number>();
    await expect(storage.run(1, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(() =>
      storage.run(2, () => {
        throw new Error('thrown');
      }),
    ).toThrow('thrown');
    await sleep(0);
    expect(isOn(storage)).toBe(false);
  });

  it('leaves a storage on for good after a run whose callback returns no promise (its store must outlive the call)', async () => {
    const storage = new AsyncLocalStorage<string>();
    const later = new Promise<string | undefined>((resolve) => storage.run('request', () => void setTimeout(() => resolve(storage.getStore()), 2)));
    expect(await later).toBe('request');
    await storage.run('async', async () => sleep(1));
    expect(isOn(storage)).toBe(true);
  });
});
