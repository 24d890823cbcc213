import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * On Node 20 an AsyncLocalStorage, once `run` has been called on it, keeps a promise hook on for
 * the whole process: every promise any request creates then pays for context propagation, for
 * good. MikroORM runs every flush and transaction inside one (UnitOfWork's `insideFlush`,
 * TransactionContext), so the first admin write slowed every later `recordUsage`, which never
 * touches the ORM: measured under bench B1 as ~5 % of the server's CPU in async_hooks plus more
 * microtask and GC work, ~10 % fewer requests per second. (Node 22+ propagates contexts without
 * promise hooks; MikroORM 7 needs Node 22, see STACK-NOTES.)
 *
 * This switches a storage off again when its last `run` whose callback returned a promise has
 * settled, the way MikroORM uses it: the store is only read inside those callbacks, so nothing
 * can observe the difference, and the next `run` switches it on again. A `run` whose callback
 * returns anything else (the `RequestContext.create(em, next)` middleware pattern, where the
 * store must outlive the call) pins its storage on for good: exactly Node's own behaviour.
 */
export function releaseIdleAsyncContexts(): void {
  const prototype = AsyncLocalStorage.prototype as AsyncLocalStorage<unknown> & { [patched]?: true };
  if (prototype[patched]) return;
  const originalRun = prototype.run;
  const activeRuns = new WeakMap<AsyncLocalStorage<unknown>, number>();
  const pinned = new WeakSet<AsyncLocalStorage<unknown>>();

  const settled = (storage: AsyncLocalStorage<unknown>) => {
    const left = (activeRuns.get(storage) ?? 1) - 1;
    activeRuns.set(storage, left);
    if (left === 0 && !pinned.has(storage)) storage.disable();
  };

  prototype.run = function run<R>(this: AsyncLocalStorage<unknown>, store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    activeRuns.set(this, (activeRuns.get(this) ?? 0) + 1);
    let result: R;
    try {
      result = originalRun.call(this, store, callback, ...args) as R;
    } catch (error) {
      settled(this);
      throw error;
    }
    if (result instanceof Promise) {
      result.then(
        () => settled(this),
        () => settled(this),
      );
    } else {
      pinned.add(this);
      settled(this);
    }
    return result;
  } as typeof prototype.run;
  prototype[patched] = true;
}

const patched = Symbol('releasesIdleAsyncContexts');
