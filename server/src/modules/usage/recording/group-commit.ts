/**
 * Group commit: events recorded one per request that arrive within a short window share one
 * transaction, so a burst costs one summary-row increment per tenant instead of one per event
 * (no row-lock convoy on a hot tenant). Each caller is still answered only after the shared
 * transaction commits, with its own outcome.
 */
export interface GroupCommitOptions<T, R> {
  /** Writes a group; returns one result per item, or throws for the whole group. */
  write(items: T[]): Promise<R[]>;
  /** When writing a group fails, which item (if any) caused it alone, so the rest can go again. */
  culprit(error: unknown): number | undefined;
  windowMs: number;
  maxGroup: number;
  maxConcurrentWrites: number;
  /** Items that may not share a group (e.g. the same idempotency key) share a key. */
  keyOf(item: T): string;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class GroupCommitter<T, R> {
  private queue: Pending<T, R>[] = [];
  private timer?: NodeJS.Timeout;
  private writing = 0;

  constructor(private readonly options: GroupCommitOptions<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.writing >= this.options.maxConcurrentWrites || this.queue.length === 0) return;
    if (this.queue.length >= this.options.maxGroup || this.options.windowMs === 0) {
      this.timer = setImmediate(() => this.flush()) as unknown as NodeJS.Timeout;
    } else {
      this.timer = setTimeout(() => this.flush(), this.options.windowMs);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const group: Pending<T, R>[] = [];
    const keys = new Set<string>();
    const rest: Pending<T, R>[] = [];
    for (const pending of this.queue) {
      const key = this.options.keyOf(pending.item);
      if (group.length < this.options.maxGroup && !keys.has(key)) {
        keys.add(key);
        group.push(pending);
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    if (group.length === 0) return;
    this.writing++;
    void this.writeGroup(group).finally(() => {
      this.writing--;
      this.schedule();
    });
    this.schedule();
  }

  private async writeGroup(group: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.options.write(group.map((p) => p.item));
      group.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      const culprit = group.length > 1 ? this.options.culprit(error) : undefined;
      if (culprit === undefined) {
        group.forEach((pending) => pending.reject(error));
        return;
      }
      // One item's own problem (e.g. an idempotency conflict) fails that item only.
      group[culprit]!.reject(error);
      const others = group.filter((_, i) => i !== culprit);
      this.queue.unshift(...others);
    }
  }

  get pendingCount(): number {
    return this.queue.length;
  }
}
