import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import type { AppContext } from '../../services.js';
import { AlertStatus, DeliveryChannel, DeliveryStatus } from '../../core/graphql/enums.js';
import { alertOutput } from './alert.mappers.js';
import { scopedTenantFilter } from '../../core/graphql/tenant-scope.js';
import type { AlertRecord } from './alert.record.js';
import { Alert, NotificationDelivery } from './alert.types.js';

@Resolver()
export class AlertsResolver {
  @Authorized('ADMIN', 'CUSTOMER')
  @Query(() => [Alert], { description: "Newest first. Customers see only their own tenant's alerts." })
  async alerts(
    @Arg('status', () => AlertStatus, { nullable: true }) status: AlertStatus | null,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Alert[]> {
    const alerts = await ctx.services.alerts.list({ tenantId: scopedTenantFilter(ctx.viewer, tenantId), status });
    return Promise.all(alerts.map((alert) => alertOutput(ctx.services, alert)));
  }

  @Authorized('ADMIN')
  @Mutation(() => Alert, { description: 'Admin only.' })
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Alert> {
    return alertOutput(ctx.services, await ctx.services.alerts.acknowledge(ctx.viewer!, id));
  }

  @Authorized('ADMIN')
  @Mutation(() => Alert, { description: 'Admin only.' })
  async resolveAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Alert> {
    return alertOutput(ctx.services, await ctx.services.alerts.resolve(ctx.viewer!, id));
  }

  @Authorized('ADMIN')
  @Query(() => [NotificationDelivery], { description: 'Admin only.' })
  async notificationDeliveries(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationDelivery[]> {
    const deliveries = await ctx.services.notifications.list(scopedTenantFilter(ctx.viewer, tenantId), first ?? 50);
    return Promise.all(
      deliveries.map(async (d) =>
        Object.assign(new NotificationDelivery(), { ...d, channel: d.channel as DeliveryChannel, status: d.status as DeliveryStatus, alert: await alertOutput(ctx.services, d.alert) }),
      ),
    );
  }

  @Authorized('ADMIN', 'CUSTOMER')
  @Subscription(() => Alert, {
    description: "Each new alert as it is raised. Admins get every tenant's (or one tenant's, when named); customers only their own.",
    subscribe: ({ args, context }) => {
      const ctx = context as AppContext;
      const tenantId = scopedTenantFilter(ctx.viewer, args.tenantId as string | null);
      return pipe(ctx.services.pubsub.subscribe('ALERT_RAISED'), filter((alert: AlertRecord) => !tenantId || alert.tenantId === tenantId));
    },
  })
  async alertRaised(
    @Root() alert: AlertRecord,
    @Arg('tenantId', () => ID, { nullable: true }) _tenantId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Alert> {
    return alertOutput(ctx.services, alert);
  }
}
