import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';
import { createUsageClient } from './client.js';
import { UsageMonitorError } from './errors.js';

// The queue's own rules, with a send function that answers in memory. Delivery over HTTP to the
// real server is covered by ../test/batching.test.ts.
type Event = { id: number; bad?: 'indexed' | 'unindexed' };

function recordingSender() {
  const batches: number[][] = [];
  const send = async (events: Event[]) => {
    batches.push(events.map((e) => e.id));
    const indexed = events.findIndex((e) => e.bad === 'indexed');
    if (indexed >= 0)
      throw new UsageMonitorError('BAD_USER_INPUT', 'bad', { index: indexed, field: 'inputTokens' });
    if (events.some((e) => e.bad === 'unindexed')) throw new UsageMonitorError('BAD_USER_INPUT', 'coercion');
    return events.map((e) => `ok-${e.id}`);
  };
  return { batches, send };
}

describe('Batcher', () => {
  it('sends by size without waiting for the timer, and the rest on flush()', async () => {
    const { batches, send } = recordingSender();
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 3, flushIntervalMs: 60_000, maxQueueSize: 10 },
      send,
    );
    const results = [1, 2, 3].map((id) => batcher.add({ id }));
    await Promise.all(results);
    // Sent by size: the 60 s timer cannot have fired.
    expect(batches).toEqual([[1, 2, 3]]);
    results.push(batcher.add({ id: 4 }), batcher.add({ id: 5 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batches).toHaveLength(1);
    await batcher.flush();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(await Promise.all(results)).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5']);
    expect(batcher.pending).toBe(0);
  });

  it('sends on the timer', async () => {
    const { batches, send } = recordingSender();
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 100, flushIntervalMs: 10, maxQueueSize: 100 },
      send,
    );
    const result = batcher.add({ id: 7 });
    expect(batches).toEqual([]);
    expect(await result).toBe('ok-7');
    expect(batches).toEqual([[7]]);
  });

  it('counts in-flight events against maxQueueSize and throws QUEUE_FULL', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 2, flushIntervalMs: 60_000, maxQueueSize: 3 },
      async (events) => {
        await gate;
        return events.map((e) => String(e.id));
      },
    );
    batcher.add({ id: 1 });
    batcher.add({ id: 2 });
    batcher.add({ id: 3 });
    expect(() => batcher.add({ id: 4 })).toThrow(expect.objectContaining({ code: 'QUEUE_FULL' }));
    release();
    await batcher.flush();
    expect(() => batcher.add({ id: 5 })).not.toThrow();
    await batcher.flush();
  });

  it('flush() waits for what was held when it was called, not for an empty queue', async () => {
    let calls = 0;
    const sent: number[][] = [];
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 2, flushIntervalMs: 60_000, maxQueueSize: 100 },
      async (events) => {
        sent.push(events.map((e) => e.id));
        // A steady stream: every send brings two more events.
        if (++calls < 50) {
          batcher.add({ id: 100 + calls * 2 });
          batcher.add({ id: 101 + calls * 2 });
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
        return events.map((e) => String(e.id));
      },
    );
    const first = [batcher.add({ id: 1 }), batcher.add({ id: 2 }), batcher.add({ id: 3 })];
    await batcher.flush();
    expect(await Promise.all(first)).toEqual(['1', '2', '3']);
    expect(calls).toBeLessThan(50);
    // Once the stream stops, a flush empties the queue.
    while (calls < 50) await batcher.flush();
    await batcher.flush();
    expect(batcher.pending).toBe(0);
    expect(sent.flat()).toHaveLength(3 + 49 * 2);
  });

  it('drops the event a batch error names and resends the others; finds unnamed ones by halving', async () => {
    const { batches, send } = recordingSender();
    const failed: number[] = [];
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 8, flushIntervalMs: 60_000, maxQueueSize: 8 },
      send,
      (_error, events) => failed.push(...events.map((e) => e.id)),
    );
    const events: Event[] = Array.from({ length: 8 }, (_, id) => ({ id }));
    events[2] = { id: 2, bad: 'indexed' };
    events[6] = { id: 6, bad: 'unindexed' };
    const results = events.map((e) => batcher.add(e));
    const error = await batcher.flush().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DELIVERY_FAILED' });
    expect((error as UsageMonitorError).failures!.map((f) => (f.event as Event).id)).toEqual([2, 6]);
    expect(failed).toEqual([2, 6]);
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // Every good event was delivered exactly once.
    const delivered = batches.flat().filter((id, i, all) => all.indexOf(id) === i);
    expect(delivered.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // A later flush has nothing new to report.
    await expect(batcher.flush()).resolves.toBeUndefined();
  });

  it('fails the whole batch on an error that names no event', async () => {
    const batcher = new Batcher<Event, string>(
      { maxBatchSize: 5, flushIntervalMs: 60_000, maxQueueSize: 5 },
      async () => {
        throw new UsageMonitorError('UNAUTHENTICATED', 'Sign in or send a valid API key');
      },
    );
    const results = [1, 2].map((id) => batcher.add({ id }));
    const error = (await batcher.flush().catch((e: unknown) => e)) as UsageMonitorError;
    expect(error.failures!.map((f) => f.error.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    await expect(results[0]).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(batcher.pending).toBe(0);
  });

  it('refuses sizes the server would refuse', () => {
    const send = async () => [];
    expect(() => new Batcher({ maxBatchSize: 1001, flushIntervalMs: 1, maxQueueSize: 5000 }, send)).toThrow(
      RangeError,
    );
    expect(() => new Batcher({ maxBatchSize: 100, flushIntervalMs: 1, maxQueueSize: 50 }, send)).toThrow(
      RangeError,
    );
  });
});

describe('createUsageClient', () => {
  it('refuses a missing or relative url and a missing key at once, not on the first send', () => {
    expect(() => createUsageClient({ url: '/graphql', apiKey: 'k' })).toThrow(/absolute URL/);
    expect(() => createUsageClient({ url: '', apiKey: 'k' })).toThrow(/absolute URL/);
    expect(() => createUsageClient({ url: 'http://localhost:4000/graphql', apiKey: '' })).toThrow(/apiKey/);
  });
});
