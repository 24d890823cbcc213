import { randomBytes } from 'node:crypto';
import { postGraphQL, sleep } from './process-harness.js';

/**
 * Integrators under fault: `clients` concurrent loops send `events` usage events (mostly single
 * recordUsage, some 5-event recordUsages batches) and retry what is uncertain with the same
 * requestIds and the same bodies until acknowledged, as the contract tells integrators to do.
 */

export type RetryPolicy =
  /** Retry network errors, timeouts, 5xx and any error code but BAD_USER_INPUT / IDEMPOTENCY_CONFLICT. */
  | 'uncertain'
  /** Retry only when the connection was refused or reset (the request surely was not answered). */
  | 'connection';

export interface Attempt {
  startedAt: number;
  ms: number;
  target: string;
  /** 'ack', 'network', 'timeout', 'http-<status>' or an extensions.code. */
  outcome: string;
}

export interface LoadOptions {
  events: number;
  clients: number;
  tenants: { id: string; apiKey: string }[];
  /** Base URLs; client i starts on targets[i % n] and moves to the next one on a connection error. */
  targets: string[];
  retry: RetryPolicy;
  timeoutMs?: number;
  /** How often a client sends a 5-event batch instead of one event (0..1). */
  batchShare?: number;
  /** Gives up on one request after this long (test safety net; reported as failed). */
  giveUpAfterMs?: number;
}

export interface LoadResult {
  /** requestId → tenantId of every acknowledged event. */
  acknowledged: Map<string, string>;
  /** Requests that ended without an acknowledgement. */
  failed: number;
  failures: string[];
  attempts: Attempt[];
  sent: number;
  ms: number;
}

const RECORD = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { duplicate log { requestId costUsd } } }`;
const RECORD_MANY = `mutation($inputs: [RecordUsageInput!]!) { recordUsages(inputs: $inputs) { duplicate log { requestId costUsd } } }`;
const TERMINAL_CODES = new Set(['BAD_USER_INPUT', 'IDEMPOTENCY_CONFLICT']);
const CONNECTION_ERRORS = /ECONNREFUSED|ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|socket hang up/i;

/** A fixed body per event index, so every retry sends exactly the same thing. */
export function eventBody(runId: string, index: number, occurredAt: string) {
  const requestId = `${runId}-${index}`;
  const status = index % 10 === 0 ? 'ERROR' : 'SUCCESS';
  switch (index % 3) {
    case 0:
      return {
        requestId,
        service: 'OPENAI',
        model: 'gpt-4o-mini',
        inputTokens: 100 + (index % 997),
        outputTokens: 7 * (index % 113),
        status,
        occurredAt,
      };
    case 1:
      return { requestId, service: 'ELEVENLABS', characters: 1 + (index % 4001), status, occurredAt };
    default:
      return {
        requestId,
        service: 'SMARTFLO',
        durationSeconds: 60 + (index % 240) + 0.5,
        status,
        occurredAt,
        metadata: { call: index },
      };
  }
}

export interface RunningLoad {
  /** Live: grows as events are acknowledged. */
  acknowledged: Map<string, string>;
  attempts: Attempt[];
  done: Promise<LoadResult>;
}

export function startLoad(options: LoadOptions): RunningLoad {
  const runId = `load-${randomBytes(4).toString('hex')}`;
  const occurredAt = new Date().toISOString();
  const acknowledged = new Map<string, string>();
  const attempts: Attempt[] = [];
  const failures: string[] = [];
  let next = 0;
  let sent = 0;
  let failed = 0;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 60_000;
  const started = Date.now();

  const oneRequest = async (clientIndex: number, indexes: number[], targetIndex: { value: number }) => {
    const tenant = options.tenants[clientIndex % options.tenants.length]!;
    const bodies = indexes.map((i) => eventBody(runId, i, occurredAt));
    const batch = bodies.length > 1;
    const firstTry = Date.now();
    sent++;
    for (let attempt = 0; ; attempt++) {
      const target = options.targets[targetIndex.value % options.targets.length]!;
      const at = Date.now();
      let outcome: string;
      let connectionProblem = false;
      try {
        const result = batch
          ? await postGraphQL(target, RECORD_MANY, { inputs: bodies }, tenant.apiKey, timeoutMs)
          : await postGraphQL(target, RECORD, { input: bodies[0] }, tenant.apiKey, timeoutMs);
        const data = result.body?.data;
        const answered = batch ? data?.recordUsages : data?.recordUsage ? [data.recordUsage] : undefined;
        if (
          answered &&
          answered.length === bodies.length &&
          answered.every(
            (o: { log: { requestId: string } }, i: number) => o.log.requestId === bodies[i]!.requestId,
          )
        ) {
          attempts.push({ startedAt: at, ms: Date.now() - at, target, outcome: 'ack' });
          for (const body of bodies) acknowledged.set(body.requestId, tenant.id);
          return;
        }
        const code = result.body?.errors?.[0]?.extensions?.code as string | undefined;
        outcome = code ?? `http-${result.status}`;
      } catch (error) {
        const text = `${(error as Error).name} ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')} ${(error as { cause?: { code?: string } }).cause?.code ?? ''}`;
        outcome = /TimeoutError|AbortError/.test(text) ? 'timeout' : 'network';
        connectionProblem = CONNECTION_ERRORS.test(text);
      }
      attempts.push({ startedAt: at, ms: Date.now() - at, target, outcome });
      const retryable = options.retry === 'uncertain' ? !TERMINAL_CODES.has(outcome) : connectionProblem;
      if (!retryable || Date.now() - firstTry > giveUpAfterMs) {
        failed++;
        failures.push(`${bodies[0]!.requestId}: ${outcome}`);
        return;
      }
      // A refused or reset connection means this instance is going away: use another one.
      if (connectionProblem) targetIndex.value++;
      await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500));
    }
  };

  const client = async (clientIndex: number) => {
    const targetIndex = { value: clientIndex };
    for (let request = 0; next < options.events; request++) {
      const size = Math.random() < (options.batchShare ?? 0.1) ? 5 : 1;
      const indexes: number[] = [];
      while (indexes.length < size && next < options.events) indexes.push(next++);
      await oneRequest(clientIndex, indexes, targetIndex);
    }
  };
  const done = Promise.all(Array.from({ length: options.clients }, (_, i) => client(i))).then(() => ({
    acknowledged,
    failed,
    failures,
    attempts,
    sent,
    ms: Date.now() - started,
  }));
  return { acknowledged, attempts, done };
}

/** Calls the load made, in groups, for a compact printout. */
export function outcomeCounts(attempts: Attempt[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const attempt of attempts) counts[attempt.outcome] = (counts[attempt.outcome] ?? 0) + 1;
  return counts;
}

/** Resolves once `count` events have been acknowledged. */
export async function whenAcknowledged(load: RunningLoad, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (load.acknowledged.size < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${load.acknowledged.size} of ${count} events acknowledged in time`);
    await sleep(10);
  }
}
