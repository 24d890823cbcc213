import type {
  CheckQuotaQuery,
  CheckQuotaQueryVariables,
  RecordedUsageFragment,
  RecordUsageInput,
  RecordUsageMutation,
  RecordUsageMutationVariables,
  RecordUsagesMutation,
  RecordUsagesMutationVariables,
  Service,
} from './__generated__/graphql.js';
import { DEFAULT_BATCH_RETRY, DEFAULT_RETRY, type RetryOptions } from './backoff.js';
import { Batcher, DEFAULT_BATCH, type BatchOptions } from './batcher.js';
import { UsageMonitorError } from './errors.js';
import { DOCUMENTS } from './operations.js';
import { newRequestId } from './request-id.js';
import { send, type TransportOptions } from './transport.js';

/**
 * One provider call to record. As RecordUsageInput, except that `requestId` may be left out (the
 * client assigns one, once, before the first attempt) and `occurredAt` may be a Date.
 */
export type UsageEvent = Omit<RecordUsageInput, 'requestId' | 'occurredAt'> & {
  requestId?: string;
  occurredAt?: Date | string | null;
};

export type QuotaStanding = RecordedUsageFragment['quotas'][number];
export type RaisedAlert = RecordedUsageFragment['alerts'][number];
export type QuotaDecision = CheckQuotaQuery['checkQuota'];

/** What the server answered for one event. */
export interface RecordResult {
  requestId: string;
  /** True when this requestId had already been recorded: nothing was counted again. */
  duplicate: boolean;
  /** Exact decimal string, e.g. "0.0315". Never parse it into a float for money arithmetic. */
  costUsd: string;
  pricingStatus: RecordedUsageFragment['log']['pricingStatus'];
  logId: string;
  occurredAt: string;
  /** The tenant's standing after this event, one entry per metric with a limit. */
  quotas: QuotaStanding[];
  /** Alerts this event raised (empty for a duplicate). */
  alerts: RaisedAlert[];
}

export interface QueuedUsage {
  /** Assigned now, before anything is sent; the same on every retry. */
  requestId: string;
  /** Settles when the event's batch is answered. Already handled: ignoring it never crashes the process. */
  result: Promise<RecordResult>;
}

export interface UsageClientOptions {
  /** The GraphQL endpoint, e.g. "https://usage.example.com/graphql". */
  url: string;
  /** An integrator key (`um_live_…`) from createApiKey. */
  apiKey: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** For record() and checkQuota(); also the base of batch.retry. */
  retry?: Partial<RetryOptions>;
  /** Background batches; `retry` defaults to 8 attempts (up to about 23 s of backoff) to ride out a server restart. */
  batch?: Partial<BatchOptions> & { retry?: Partial<RetryOptions> };
  /** Called when queued events are given up on (they are also reported by the next flush()/close()). */
  onError?: (error: UsageMonitorError, events: RecordUsageInput[]) => void;
  /** Defaults to the global fetch (Node 20+, browsers, edge runtimes). */
  fetch?: typeof fetch;
  /** Defaults to crypto.randomUUID(). */
  generateRequestId?: () => string;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
}

export interface UsageClient {
  /** Records one event now (retrying as needed) and resolves with its cost, duplicate flag, quota standing and alerts. */
  record(event: UsageEvent): Promise<RecordResult>;
  /** Queues an event for the next batch and returns at once; throws QUEUE_FULL when the queue is full. */
  enqueue(event: UsageEvent): QueuedUsage;
  /** Sends everything queued and waits for the answers; rejects with DELIVERY_FAILED if any event could not be delivered. */
  flush(): Promise<void>;
  /** Stops accepting events, then flushes. Call it before the process exits. */
  close(): Promise<void>;
  /** For HARD limits: would `estimatedUnits` more of `service` pass a limit? Ask before an expensive call. */
  checkQuota(service: Service, estimatedUnits: number): Promise<QuotaDecision>;
  /** Queued events not yet answered. */
  readonly pending: number;
}

export function createUsageClient(options: UsageClientOptions): UsageClient {
  if (!isAbsoluteUrl(options.url)) {
    throw new TypeError(`createUsageClient: url must be an absolute URL, got ${JSON.stringify(options.url)}`);
  }
  if (!options.apiKey) throw new TypeError('createUsageClient: apiKey is required');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw new TypeError('createUsageClient: no global fetch here; pass options.fetch');
  const transport: TransportOptions = {
    url: options.url,
    apiKey: options.apiKey,
    // Called unbound, some runtimes' fetch throws "Illegal invocation".
    fetch: (input, init) => fetchImpl(input, init),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    random: options.random ?? Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const generateRequestId = options.generateRequestId ?? newRequestId;
  let closed = false;

  const toInput = (event: UsageEvent): RecordUsageInput => {
    if (closed) throw new UsageMonitorError('CLIENT_CLOSED', 'The usage client is closed');
    const { occurredAt, requestId, ...rest } = event;
    return {
      ...rest,
      requestId: requestId ?? generateRequestId(),
      ...(occurredAt === undefined || occurredAt === null
        ? {}
        : { occurredAt: occurredAt instanceof Date ? occurredAt.toISOString() : occurredAt }),
    };
  };

  const { retry: batchRetry, ...batchOptions } = options.batch ?? {};
  // Nobody waits on a background batch, so it may keep trying longer than record() does.
  const batchTransport: TransportOptions = {
    ...transport,
    retry: { ...DEFAULT_RETRY, ...DEFAULT_BATCH_RETRY, ...options.retry, ...batchRetry },
  };
  const batcher = new Batcher<RecordUsageInput, RecordResult>(
    { ...DEFAULT_BATCH, ...batchOptions },
    async (inputs) => {
      const data = await send<RecordUsagesMutation>(batchTransport, DOCUMENTS.recordUsages, {
        inputs,
      } satisfies RecordUsagesMutationVariables);
      if (data.recordUsages.length !== inputs.length) {
        throw new UsageMonitorError(
          'BAD_RESPONSE',
          `recordUsages answered ${data.recordUsages.length} results for ${inputs.length} events`,
        );
      }
      return data.recordUsages.map(toResult);
    },
    options.onError,
  );

  return {
    async record(event) {
      const input = toInput(event);
      try {
        const data = await send<RecordUsageMutation>(transport, DOCUMENTS.recordUsage, {
          input,
        } satisfies RecordUsageMutationVariables);
        return toResult(data.recordUsage);
      } catch (error) {
        // So a caller can keep the event and send it again later: it still counts once.
        if (error instanceof UsageMonitorError) error.requestId = input.requestId;
        throw error;
      }
    },
    enqueue(event) {
      const input = toInput(event);
      return { requestId: input.requestId, result: batcher.add(input) };
    },
    flush: () => batcher.flush(),
    async close() {
      closed = true;
      await batcher.flush();
    },
    async checkQuota(service, estimatedUnits) {
      if (closed) throw new UsageMonitorError('CLIENT_CLOSED', 'The usage client is closed');
      const data = await send<CheckQuotaQuery>(transport, DOCUMENTS.checkQuota, {
        service,
        estimatedUnits,
      } satisfies CheckQuotaQueryVariables);
      return data.checkQuota;
    },
    get pending() {
      return batcher.pending;
    },
  };
}

function isAbsoluteUrl(url: string | undefined): boolean {
  try {
    return Boolean(url) && Boolean(new URL(url!));
  } catch {
    return false;
  }
}

function toResult(payload: RecordedUsageFragment): RecordResult {
  return {
    requestId: payload.log.requestId,
    duplicate: payload.duplicate,
    costUsd: payload.log.costUsd,
    pricingStatus: payload.log.pricingStatus,
    logId: payload.log.id,
    occurredAt: payload.log.occurredAt,
    quotas: payload.quotas,
    alerts: payload.alerts,
  };
}
