import { ALERT_TYPE_LABELS, formatMetricValue, METRIC_LABELS } from '@usage-monitor/web-kit/units';
import type { AlertFieldsFragment } from '../../__generated__/graphql';

export type AlertSeverity = 'critical' | 'warning';

/** Exceeded quotas are red; approaching quotas, rate limits and cost spikes are orange. */
export function alertSeverity(type: AlertFieldsFragment['type']): AlertSeverity {
  return type === 'QUOTA_EXCEEDED' ? 'critical' : 'warning';
}

export interface AlertDescription {
  /** "Quota exceeded" */
  issue: string;
  /** "OpenAI tokens"; "Cost" or "Request rate" for alerts without a quota metric. */
  metric: string;
  /** "1,050,000 tokens of 1,000,000 tokens (105%)" when the API sent the numbers. */
  detail: string | null;
}

export function describeAlert(alert: Pick<AlertFieldsFragment, 'type' | 'metric' | 'currentValue' | 'limitValue' | 'thresholdPercent' | 'endUser'>): AlertDescription {
  const issue = ALERT_TYPE_LABELS[alert.type];
  const metric = alert.type === 'END_USER_LIMIT_EXCEEDED'
    ? 'End-user monthly cost'
    : alert.metric
    ? METRIC_LABELS[alert.metric]
    : alert.type === 'COST_SPIKE'
      ? 'Daily cost'
      : alert.type === 'RATE_LIMIT_EXCEEDED'
        ? 'Requests per minute'
        : 'Usage';
  let detail: string | null = null;
  if (alert.metric && alert.currentValue != null && alert.limitValue != null) {
    detail = `${formatMetricValue(alert.metric, alert.currentValue)} of ${formatMetricValue(alert.metric, alert.limitValue)}`;
    if (alert.thresholdPercent != null && alert.type !== 'END_USER_LIMIT_EXCEEDED') detail += ` (threshold ${alert.thresholdPercent}%)`;
  }
  // The cap is per end user: which one is the point of the alert.
  if (alert.type === 'END_USER_LIMIT_EXCEEDED' && alert.endUser) {
    detail = `End user ${alert.endUser}${detail ? `: ${detail}` : ''}`;
  }
  return { issue, metric, detail };
}
