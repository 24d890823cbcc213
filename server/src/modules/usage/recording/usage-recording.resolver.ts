import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { scopedTenantId } from '../../../core/graphql/tenant-scope.js';
import type { AppContext } from '../../../services.js';
import { alertOutput } from '../../alerts/alert.mappers.js';
import type { Alert } from '../../alerts/alert.types.js';
import { quotaUsageOutput } from '../../quotas/quota.mappers.js';
import type { QuotaUsage } from '../../quotas/quota.types.js';
import { usageLogOutput } from '../usage.mappers.js';
import { RecordUsageInput, RecordUsagePayload, UsageLog } from '../usage.types.js';
import type { RecordOutcome } from './usage-recorder.js';

/**
 * GraphQL reads a field only when the operation selects it: the log, the alerts and the quota
 * standings are built on first read, so a batch answering only `duplicate` builds none of them
 * (see the recorder for the standings). Getters on a class, not per-object accessors: one shape
 * for every payload.
 */
class RecordUsagePayloadOutput implements RecordUsagePayload {
  private logOutput: UsageLog | undefined;
  private alertOutputs: Promise<Alert[]> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly outcome: RecordOutcome,
  ) {}

  get duplicate(): boolean {
    return this.outcome.duplicate;
  }

  get log(): UsageLog {
    return (this.logOutput ??= usageLogOutput(this.ctx.services, this.outcome.log));
  }

  get alerts(): Alert[] {
    // type-graphql resolves a promise here like any other field value.
    return (this.alertOutputs ??= Promise.all(this.outcome.alerts.map((alert) => alertOutput(this.ctx.services, alert)))) as unknown as Alert[];
  }

  get quotas(): QuotaUsage[] {
    return this.outcome.quotas.map(quotaUsageOutput);
  }
}

function payloadOutput(ctx: AppContext, outcome: RecordOutcome): RecordUsagePayload {
  return new RecordUsagePayloadOutput(ctx, outcome);
}

@Resolver()
export class UsageRecordingResolver {
  @Authorized('ADMIN', 'API_KEY')
  @Mutation(() => RecordUsagePayload)
  async recordUsage(@Arg('input', () => RecordUsageInput) input: RecordUsageInput, @Ctx() ctx: AppContext): Promise<RecordUsagePayload> {
    const outcome = await ctx.services.ingest.record(input, scopedTenantId(ctx.viewer, input.tenantId));
    return payloadOutput(ctx, outcome);
  }

  @Authorized('ADMIN', 'API_KEY')
  @Mutation(() => [RecordUsagePayload], { description: 'Up to 1,000 events in one request, each recorded as recordUsage would.' })
  async recordUsages(@Arg('inputs', () => [RecordUsageInput]) inputs: RecordUsageInput[], @Ctx() ctx: AppContext): Promise<RecordUsagePayload[]> {
    const tenantIds = inputs.map((input) => scopedTenantId(ctx.viewer, input.tenantId));
    const outcomes = await ctx.services.ingest.recordBatch(inputs, tenantIds);
    return outcomes.map((outcome) => payloadOutput(ctx, outcome));
  }
}
