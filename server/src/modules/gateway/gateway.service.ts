import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../../core/db/db-errors.js';
import { DomainError, ErrorCode, Problems } from '../../core/graphql/errors.js';
import type { Clock } from '../../core/lib/clock.js';
import { formatMoney } from '../../core/lib/money.js';
import { isStorableText } from '../../core/lib/storable-text.js';
import type { AuthService } from '../auth/auth.service.js';
import { endUserProblem } from '../end-users/end-user-text.js';
import type { PriceBook } from '../pricing/price-book.js';
import { admissionRefusal, usageDecides, type Refusal } from '../quotas/admission.js';
import type { QuotasService } from '../quotas/quotas.service.js';
import { RECORDING_LIMITS, validateUsage, type RecordUsageFields, type Service, type UsageSource } from '../usage/recording/usage-event.js';
import type { UsageIngestService } from '../usage/recording/usage-ingest.service.js';
import { IdempotencyConflictError } from '../usage/recording/usage-recorder.js';
import type { GatewayProvider, ProviderKeys } from './provider-keys.js';
import type { JournalEvent, UsageJournal } from './usage-journal.js';

/** A call the gateway admitted: who, which request id, and the tenant's provider key. */
export interface AdmittedCall {
  tenantId: string;
  requestId: string;
  endUser: string | null;
  providerKey: string;
  service: Service;
  startedAt: Date;
}

/** Why the gateway will not forward a call, before anything is spent; each route words it in its provider's shape. */
export type GatewayRefusal =
  | { kind: 'unauthenticated' }
  | { kind: 'credential-missing'; provider: GatewayProvider }
  | { kind: 'bad-request'; message: string; param?: string }
  | { kind: 'duplicate'; requestId: string }
  | { kind: 'unavailable' }
  | ({ kind: 'limit' } & Refusal);

export interface CallRequest {
  /** The Usage Monitor API key the caller presented (Bearer or xi-api-key). */
  apiKey: string | undefined;
  provider: GatewayProvider;
  service: Service;
  /** X-Usage-End-User, else the provider body's own user field. */
  endUser: string | undefined;
  /** X-Usage-Request-Id. */
  requestId: string | undefined;
  /** Units known before the call (the prompt's tokens, the text's characters): what an interrupted call is recorded with. */
  estimate: Pick<RecordUsageFields, 'model' | 'inputTokens' | 'outputTokens' | 'characters' | 'durationSeconds' | 'metadata'>;
}

/**
 * The metering gateway's one flow, shared by every provider route (api-contract-next.md "The
 * metering gateway"): authenticate the Usage Monitor key, check the limits before anything is
 * spent, journal the call, and once the provider answered, record its units through the same
 * validation, pricing and group commit as recordUsage (no GraphQL execution on this path).
 */
export class GatewayService {
  /** Request ids in flight on this instance: a retry while the first attempt runs is refused, not forwarded twice. */
  private readonly inFlight = new Set<string>();
  /** Per tenant, this instance's answered calls whose usage is not committed yet (their journal writes). */
  private readonly unrecorded = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly auth: AuthService,
    private readonly quotas: QuotasService,
    private readonly keys: ProviderKeys,
    private readonly journal: UsageJournal,
    private readonly ingest: UsageIngestService,
    private readonly priceBook: PriceBook,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  get journalDepth(): number {
    return this.journal.depth;
  }

  async start(): Promise<void> {
    await this.journal.start((event) => this.recordJournalEvent(event));
  }

  /**
   * Lets the calls already admitted finish (a provider may be answering one now) before the
   * journal closes, at most 10 s: closed under them, their units would be lost to the replay,
   * which can only record the estimate it journaled before the call.
   */
  async stop(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (this.inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.inFlight.size > 0) this.logger.warn({ calls: this.inFlight.size }, 'gateway stopping with calls still in flight; the journal replays them on the next start');
    return this.journal.stop();
  }

  /**
   * Everything that must hold before the provider is called. The intent is in the journal when
   * this resolves. Without the database the limits cannot be checked: the call is refused (503, to be
   * retried) rather than let through unchecked.
   */
  async admit(request: CallRequest): Promise<AdmittedCall | GatewayRefusal> {
    try {
      return await this.tryAdmit(request);
    } catch (error) {
      if (isDatabaseUnavailable(error) || (error instanceof DomainError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE)) return { kind: 'unavailable' };
      throw error;
    }
  }

  /** Authentication and the tenant's provider key only: for calls that cost nothing (the model list). */
  async providerAccess(apiKey: string | undefined, provider: GatewayProvider): Promise<{ tenantId: string; providerKey: string } | GatewayRefusal> {
    try {
      const viewer = apiKey ? await this.auth.authenticate(`Bearer ${apiKey}`).catch((error) => {
        if (isDatabaseUnavailable(error)) throw error;
        return null;
      }) : null;
      if (!viewer || viewer.kind !== 'API_KEY' || !viewer.tenantId) return { kind: 'unauthenticated' };
      const providerKey = await this.keys.keyFor(viewer.tenantId, provider);
      if (!providerKey) return { kind: 'credential-missing', provider };
      return { tenantId: viewer.tenantId, providerKey };
    } catch (error) {
      if (isDatabaseUnavailable(error)) return { kind: 'unavailable' };
      throw error;
    }
  }

  private async tryAdmit(request: CallRequest): Promise<AdmittedCall | GatewayRefusal> {
    const viewer = request.apiKey ? await this.auth.authenticate(`Bearer ${request.apiKey}`).catch((error) => {
      if (isDatabaseUnavailable(error)) throw error;
      return null;
    }) : null;
    if (!viewer || viewer.kind !== 'API_KEY' || !viewer.tenantId) return { kind: 'unauthenticated' };
    const tenantId = viewer.tenantId;

    const problems = new Problems();
    const endUser = request.endUser === undefined || request.endUser === '' ? null : request.endUser;
    const endUserIssue = endUser === null ? null : endUserProblem(endUser);
    if (endUserIssue) problems.add('X-Usage-End-User', endUserIssue);
    const requestId = request.requestId ?? `gw_${randomUUID()}`;
    if (request.requestId !== undefined && (requestId.length < 1 || requestId.length > RECORDING_LIMITS.requestIdMaxLength || !isStorableText(requestId))) {
      problems.add('X-Usage-Request-Id', `must be 1-${RECORDING_LIMITS.requestIdMaxLength} printable characters`);
    }
    if (problems.list.length > 0) return { kind: 'bad-request', message: problems.list.map((p) => `${p.field} ${p.message}`).join('; '), param: problems.list[0]!.field };

    let facts = await this.quotas.admissionFacts(tenantId, endUser);
    if (!facts) return { kind: 'unauthenticated' };
    // Under a HARD limit, calls this instance already answered count before the next one starts:
    // their usage is committed within a group commit, so waiting for it keeps one caller's
    // back-to-back calls from passing a limit they reached (only calls still with the provider,
    // or answered on another instance, can then overshoot it).
    if (usageDecides(facts.quota) && (await this.settleUnrecorded(tenantId))) {
      facts = await this.quotas.admissionFacts(tenantId, endUser);
      if (!facts) return { kind: 'unauthenticated' };
    }
    const refusal = admissionRefusal(facts, request.service);
    if (refusal) return { kind: 'limit', ...refusal };

    const providerKey = await this.keys.keyFor(tenantId, request.provider);
    if (!providerKey) return { kind: 'credential-missing', provider: request.provider };

    // Claimed in memory before any await, so concurrent attempts with one id cannot both pass.
    const flightKey = `${tenantId}|${requestId}`;
    if (this.inFlight.has(flightKey)) return { kind: 'duplicate', requestId };
    this.inFlight.add(flightKey);
    try {
      if (request.requestId !== undefined) {
        const { rows } = await this.pool.query({ name: 'um_gateway_request_seen', text: 'select 1 from usage_request_keys where tenant_id = $1 and request_id = $2', values: [tenantId, requestId] });
        if (rows.length > 0) {
          this.inFlight.delete(flightKey);
          return { kind: 'duplicate', requestId };
        }
      }
      const startedAt = this.clock.now();
      this.journal.intent({
        tenantId,
        source: 'GATEWAY_ESTIMATED',
        fields: { service: request.service, requestId, occurredAt: startedAt, endUser, ...request.estimate },
      });
      return { tenantId, requestId, endUser, providerKey, service: request.service, startedAt };
    } catch (error) {
      this.inFlight.delete(flightKey);
      throw error;
    }
  }

  /** The provider was not reached after all (the caller left before sending): nothing to record. */
  abandon(call: AdmittedCall): void {
    this.inFlight.delete(`${call.tenantId}|${call.requestId}`);
    this.journal.forget(call.tenantId, call.requestId);
  }

  /**
   * The provider answered: its units are recorded exactly once, through the journal (at once, or
   * when the database is back). The answer does not wait for the write; the request id stays "in
   * flight" until it is committed, so a retry meanwhile is refused rather than sent twice.
   * Returns the cost as recordUsage prices it (the in-memory price table), for X-Usage-Cost-Usd.
   */
  answered(call: AdmittedCall, units: Omit<RecordUsageFields, 'service' | 'requestId' | 'occurredAt' | 'endUser'>, source: UsageSource): string | null {
    const fields: RecordUsageFields = { ...units, service: call.service, requestId: call.requestId, occurredAt: call.startedAt, endUser: call.endUser };
    const event: JournalEvent = { tenantId: call.tenantId, source, fields };
    const cost = this.priceOf(event);
    const pending = this.unrecorded.get(call.tenantId) ?? new Set<Promise<unknown>>();
    this.unrecorded.set(call.tenantId, pending);
    const write: Promise<unknown> = this.journal.usage(event).finally(() => {
      this.inFlight.delete(`${call.tenantId}|${call.requestId}`);
      pending.delete(write);
      if (pending.size === 0 && this.unrecorded.get(call.tenantId) === pending) this.unrecorded.delete(call.tenantId);
    });
    pending.add(write);
    return cost;
  }

  /**
   * Waits (at most 2 s: the database may be away, and then admission fails on its own) for the
   * tenant's answered calls on this instance to be committed; true when there were any.
   */
  private async settleUnrecorded(tenantId: string): Promise<boolean> {
    const pending = this.unrecorded.get(tenantId);
    if (!pending || pending.size === 0) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
    clearTimeout(timer);
    return true;
  }

  /** What a call with these units costs, as recordUsage prices it (for X-Usage-Cost-Usd before the body streams). */
  priceFor(call: AdmittedCall, units: Omit<RecordUsageFields, 'service' | 'requestId' | 'occurredAt' | 'endUser'>): string | null {
    return this.priceOf({ tenantId: call.tenantId, source: 'GATEWAY', fields: { ...units, service: call.service, requestId: call.requestId, occurredAt: call.startedAt, endUser: call.endUser } });
  }

  private priceOf(event: JournalEvent): string | null {
    const problems = new Problems();
    const validated = validateUsage(event.fields, event.tenantId, this.clock.now(), problems, undefined, event.source);
    if (!validated) return null;
    const rated = this.priceBook.rate(validated);
    return rated.pricingStatus === 'PRICED' ? (rated.costText ?? formatMoney(rated.costUsd)) : null;
  }

  /** The journal's way into the recorder. A database outage means "later"; anything else is settled. */
  private async recordJournalEvent(event: JournalEvent): Promise<'recorded' | 'retry'> {
    try {
      await this.ingest.record(event.fields, event.tenantId, event.source);
      return 'recorded';
    } catch (error) {
      // The request id is already recorded with another body: the call counted once already
      // (a replay of an estimate after the real units were committed).
      if (error instanceof IdempotencyConflictError) return 'recorded';
      if (isDatabaseUnavailable(error) || (error instanceof DomainError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE)) return 'retry';
      this.logger.error({ err: (error as Error).message, requestId: event.fields.requestId }, 'gateway usage refused by the recorder; not retried');
      return 'recorded';
    }
  }
}
