import type { AlertStatus, AlertType, QuotaMetric } from '../../core/graphql/enums.js';
import { tenantOutput, type TenantLookup } from '../tenants/tenant.mappers.js';
import type { AlertRecord } from './alert.record.js';
import { Alert } from './alert.types.js';

export async function alertOutput(services: TenantLookup, alert: AlertRecord): Promise<Alert> {
  return Object.assign(new Alert(), {
    ...alert,
    type: alert.type as AlertType,
    status: alert.status as AlertStatus,
    metric: alert.metric as QuotaMetric | null,
    tenant: await tenantOutput(services, alert.tenantId),
  });
}
