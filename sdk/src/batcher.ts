import { UsageMonitorError, type DeliveryFailure } from './errors.js';

export interface BatchOptions {
  /** Send as soon as this many events are waiting. Default 500; the server takes at most 1,000. */
  maxBatchSize: number;
  /** Send what is waiting at most this long after the first of it was queued. Default 1,000 ms. */
  flushIntervalMs: number;
  /** Events held in memory (waiting and in flight) before `enqueue` throws QUEUE_FULL. Default 10,000. */
  maxQueueSize: number;
}

export const DEFAULT_BATCH: BatchOptions = {
  maxBatchSize: 500,
  flushIntervalMs: 1_000,
  maxQueueSize: 10_000,
};
export const SERVER_MAX_BATCH = 1_000;

interface Item<E, R> {
  event: E;
  resolve(result: R): void;
  reject(error: UsageMonitorError): void;
  /** Resolves once the event is answered either way. */
  settled: Promise<void>;
}

/**
 * An in-memory queue that sends events in batches, one batch at a time, on size or on a timer.
 * `sendBatch` does its own retries; what it finally throws is sorted here: an error naming one
 * event (`index`) fails that event and the rest are sent again; BAD_USER_INPUT with no index
 * (GraphQL's own coercion errors) is narrowed down by halving the batch, and so is a batch too
 * large for the server (PAYLOAD_TOO_LARGE); anything else fails the whole batch. Failed events
 * are reported to `onError` and by the next flush()/close().
 */
export class Batcher<E, R> {
  private queue: Item<E, R>[] = [];
  private inFlight = new Set<Item<E, R>>();
  private held = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping: Promise<void> | undefined;
  private failures: DeliveryFailure<E>[] = [];

  constructor(
    private readonly options: BatchOptions,
    private readonly sendBatch: (events: E[]) => Promise<R[]>,
    private readonly onError?: (error: UsageMonitorError, events: E[]) => void,
  ) {
    if (!(options.maxBatchSize >= 1 && options.maxBatchSize <= SERVER_MAX_BATCH))
      throw new RangeError(`batch.maxBatchSize must be 1-${SERVER_MAX_BATCH}`);
    if (!(options.maxQueueSize >= options.maxBatchSize))
      throw new RangeError('batch.maxQueueSize must be at least batch.maxBatchSize');
    if (!(options.flushIntervalMs >= 0)) throw new RangeError('batch.flushIntervalMs must be >= 0');
  }

  /** Events accepted and not yet settled (waiting or in flight). */
  get pending(): number {
    return this.held;
  }

  add(event: E): Promise<R> {
    if (this.held >= this.options.maxQueueSize) {
      throw new UsageMonitorError(
        'QUEUE_FULL',
        `Usage queue is full: ${this.held} events are waiting for delivery (batch.maxQueueSize ${this.options.maxQueueSize}). The server is slow or unreachable; await flush() before queueing more, or record() directly.`,
      );
    }
    this.held++;
    let item!: Item<E, R>;
    const result = new Promise<R>((resolve, reject) => {
      item = { event, resolve, reject, settled: Promise.resolve() };
    });
    // Also marks `result` handled: callers that fire and forget never see an unhandled
    // rejection; flush() reports the failure instead.
    item.settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queue.push(item);
    if (this.queue.length >= this.options.maxBatchSize) void this.pump();
    else this.schedule();
    return result;
  }

  /** Sends everything queued so far and waits; rejects with DELIVERY_FAILED listing what could not be delivered. */
  async flush(): Promise<void> {
    // Only what is held now: under a steady stream, waiting for an empty queue might never end.
    const waiting = [...this.inFlight, ...this.queue].map((item) => item.settled);
    if (this.queue.length > 0) void this.pump();
    await Promise.all(waiting);
    if (this.failures.length > 0) {
      const failures = this.failures;
      this.failures = [];
      throw new UsageMonitorError(
        'DELIVERY_FAILED',
        `${failures.length} usage event(s) could not be delivered: ${failures[0]!.error.code} ${failures[0]!.error.message}`,
        {
          failures,
        },
      );
    }
  }

  private schedule(): void {
    if (this.timer || this.pumping) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, this.options.flushIntervalMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): Promise<void> {
    if (this.pumping) return this.pumping;
    this.cancelTimer();
    this.pumping = this.drain().finally(() => {
      this.pumping = undefined;
      if (this.queue.length > 0) this.schedule();
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    // Yield first, so pump() has stored `pumping` before any send runs: an add() made
    // synchronously from inside a send must join this drain, not start a second one.
    await undefined;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatchSize);
      for (const item of batch) this.inFlight.add(item);
      try {
        await this.deliver(batch);
      } finally {
        for (const item of batch) this.inFlight.delete(item);
      }
    }
  }

  private async deliver(items: Item<E, R>[]): Promise<void> {
    if (items.length === 0) return;
    let results: R[];
    try {
      results = await this.sendBatch(items.map((item) => item.event));
    } catch (thrown) {
      const error =
        thrown instanceof UsageMonitorError
          ? thrown
          : new UsageMonitorError('BAD_RESPONSE', String(thrown), { cause: thrown });
      if (error.index !== undefined && error.index >= 0 && error.index < items.length && items.length > 1) {
        this.fail([items[error.index]!], error);
        await this.deliver(items.filter((_, i) => i !== error.index));
      } else if (
        (error.code === 'BAD_USER_INPUT' || error.code === 'PAYLOAD_TOO_LARGE') &&
        items.length > 1
      ) {
        const half = Math.ceil(items.length / 2);
        await this.deliver(items.slice(0, half));
        await this.deliver(items.slice(half));
      } else {
        this.fail(items, error);
      }
      return;
    }
    items.forEach((item, i) => item.resolve(results[i]!));
    this.held -= items.length;
  }

  private fail(items: Item<E, R>[], error: UsageMonitorError): void {
    for (const item of items) {
      item.reject(error);
      this.failures.push({ event: item.event, error });
    }
    this.held -= items.length;
    // Failures wait for the next flush(); keep the list bounded if nobody ever flushes.
    if (this.failures.length > this.options.maxQueueSize)
      this.failures.splice(0, this.failures.length - this.options.maxQueueSize);
    try {
      this.onError?.(
        error,
        items.map((item) => item.event),
      );
    } catch {
      // A throwing callback must not break delivery of the other events.
    }
  }
}
