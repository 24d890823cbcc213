import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../../../core/db/db-errors.js';
import { DomainError, ErrorCode, Problems } from '../../../core/graphql/errors.js';
import type { Clock } from '../../../core/lib/clock.js';
import type { WebhookTokensService } from '../../tenants/webhook-tokens.service.js';
import { RECORDING_LIMITS, validateUsage } from '../../usage/recording/usage-event.js';
import type { UsageIngestService } from '../../usage/recording/usage-ingest.service.js';
import { IdempotencyConflictError } from '../../usage/recording/usage-recorder.js';
import { callUsage, readCallRecords } from './call-record.js';

export type CallRecordOutcome = 'recorded' | 'duplicate' | 'conflict';

export type CallRecordsResult =
  | { kind: 'unauthenticated' }
  | { kind: 'bad-request'; problems: string[] }
  | { kind: 'unavailable' }
  | { kind: 'received'; records: { callId: string; outcome: CallRecordOutcome }[] };

/**
 * Smartflo's call records in (POST /gateway/smartflo/call-records): the webhook token names the
 * tenant, each record becomes one SMARTFLO event with source WEBHOOK through the same recorder
 * and group commit as recordUsage. A delivery is read and validated whole before anything is
 * written (an unknown shape stores nothing). Nothing is journalled here: the answer is 200 only
 * once every record is committed, and Smartflo delivers again otherwise; the requestId (the
 * call's id) makes a redelivery count once.
 */
export class CallRecordsService {
  constructor(
    private readonly tokens: Pick<WebhookTokensService, 'tenantFor'>,
    private readonly ingest: UsageIngestService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The tenant whose token this is: checked before the body is read, so a stranger's delivery costs no parsing. */
  async authenticate(token: string | undefined): Promise<{ tenantId: string } | { kind: 'unauthenticated' } | { kind: 'unavailable' }> {
    try {
      const tenantId = await this.tokens.tenantFor(token);
      return tenantId ? { tenantId } : { kind: 'unauthenticated' };
    } catch (error) {
      if (unavailable(error)) return { kind: 'unavailable' };
      throw error;
    }
  }

  async receive(tenantId: string, body: unknown): Promise<CallRecordsResult> {
    try {
      const read = readCallRecords(body, RECORDING_LIMITS.maxBatch);
      if ('problems' in read) return { kind: 'bad-request', problems: read.problems };
      const events = read.records.map(callUsage);
      const problems = new Problems();
      const now = this.clock.now();
      events.forEach((event, index) => validateUsage(event, tenantId, now, problems, index, 'WEBHOOK'));
      if (problems.list.length > 0) {
        return { kind: 'bad-request', problems: problems.list.map((p) => `record ${p.index ?? 0} (call ${events[p.index ?? 0]!.requestId}): ${p.field} ${p.message}`) };
      }
      const outcomes = await Promise.all(
        events.map((event) =>
          this.ingest.record(event, tenantId, 'WEBHOOK').then(
            (outcome): CallRecordOutcome => (outcome.duplicate ? 'duplicate' : 'recorded'),
            (error: unknown): CallRecordOutcome => {
              if (!(error instanceof IdempotencyConflictError)) throw error;
              // The call was recorded before with other content (say a zero-second record, then one
              // with talk time): the first one stands; an admin corrects it with voidUsage.
              this.logger.warn({ tenantId, requestId: event.requestId }, 'smartflo call record differs from the one recorded for this call; the first is kept');
              return 'conflict';
            },
          ),
        ),
      );
      return { kind: 'received', records: events.map((event, index) => ({ callId: event.requestId, outcome: outcomes[index]! })) };
    } catch (error) {
      if (unavailable(error)) return { kind: 'unavailable' };
      throw error;
    }
  }
}

const unavailable = (error: unknown) => isDatabaseUnavailable(error) || (error instanceof DomainError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE);
