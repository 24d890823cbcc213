import { formatPercent } from '@usage-monitor/web-kit/levels';
import { floatToDecimal, formatUsd } from '@usage-monitor/web-kit/money';
import { formatCount, formatMetricPair, formatMetricValue, METRIC_LIMIT_NAMES } from '@usage-monitor/web-kit/units';
import type { AlertItemFragment } from '../../__generated__/graphql';

export interface AlertExplanation {
  title: string;
  /** One plain sentence (or two) saying what happened, with the numbers. */
  text: string;
  severity: 'warning' | 'critical';
}

function percentUsed(alert: AlertItemFragment): number | null {
  if (alert.currentValue != null && alert.limitValue) return (alert.currentValue / alert.limitValue) * 100;
  return alert.thresholdPercent;
}

function usedOfLimit(alert: AlertItemFragment): string {
  if (!alert.metric || alert.currentValue == null || alert.limitValue == null) return '';
  return formatMetricPair(alert.metric, alert.currentValue, alert.limitValue);
}

function explainQuota(alert: AlertItemFragment, exceeded: boolean): AlertExplanation | null {
  if (!alert.metric) return null;
  const limitName = METRIC_LIMIT_NAMES[alert.metric];
  const percent = percentUsed(alert);
  const amounts = usedOfLimit(alert);
  const title = `${exceeded ? 'Over' : 'Approaching'} your ${limitName}`;
  if (exceeded) {
    const detail = amounts && percent != null ? `: ${amounts} (${formatPercent(percent)})` : '';
    return {
      title,
      text: `You have gone over your ${limitName}${detail}. Calls are still recorded and billed.`,
      severity: 'critical',
    };
  }
  if (percent == null) return null;
  return {
    title,
    text: `You have used ${formatPercent(percent)} of your ${limitName}${amounts ? ` (${amounts})` : ''}.`,
    severity: percent >= 90 ? 'critical' : 'warning',
  };
}

function explainRateLimit(alert: AlertItemFragment): AlertExplanation {
  const title = 'Too many requests per minute';
  if (alert.limitValue == null) {
    return { title, text: 'Your applications sent requests faster than your per-minute limit allows.', severity: 'warning' };
  }
  const limit = formatMetricValue('REQUESTS_PER_MINUTE', alert.limitValue);
  const count = alert.currentValue != null ? `${formatCount(alert.currentValue)} requests` : 'more requests';
  return {
    title,
    text: `Your applications sent ${count} within one minute, more than your limit of ${limit}.`,
    severity: 'warning',
  };
}

function explainCostSpike(alert: AlertItemFragment): AlertExplanation {
  const today = alert.currentValue != null ? ` (${formatUsd(floatToDecimal(alert.currentValue))} so far)` : '';
  return {
    title: 'Unusual spending today',
    text: `Today's cost${today} is more than 3 times your average daily cost over the previous 7 days.`,
    severity: 'warning',
  };
}

function explainEndUserCap(alert: AlertItemFragment): AlertExplanation | null {
  if (!alert.endUser) return null;
  const spent = alert.currentValue != null ? ` has spent ${formatUsd(floatToDecimal(alert.currentValue))} this month,` : ' has reached';
  const cap = alert.limitValue != null ? `the ${formatUsd(floatToDecimal(alert.limitValue))} monthly cap you set for each user` : 'the monthly cap you set for each user';
  return {
    title: `${alert.endUser} reached the per-user cap`,
    text: `Your user ${alert.endUser}${spent}${alert.currentValue != null ? ' reaching' : ''} ${cap}. Your other users are not affected.`,
    severity: 'critical',
  };
}

/**
 * What an alert means for the customer, in plain words. Falls back to the server's own message
 * when the alert lacks the numbers a sentence needs (or is of a type this app does not know yet).
 */
export function explainAlert(alert: AlertItemFragment): AlertExplanation {
  let explained: AlertExplanation | null = null;
  switch (alert.type) {
    case 'QUOTA_APPROACHING':
      explained = explainQuota(alert, false);
      break;
    case 'QUOTA_EXCEEDED':
      explained = explainQuota(alert, true);
      break;
    case 'RATE_LIMIT_EXCEEDED':
      explained = explainRateLimit(alert);
      break;
    case 'COST_SPIKE':
      explained = explainCostSpike(alert);
      break;
    case 'END_USER_LIMIT_EXCEEDED':
      explained = explainEndUserCap(alert);
      break;
  }
  return explained ?? { title: 'Usage alert', text: alert.message, severity: 'warning' };
}
