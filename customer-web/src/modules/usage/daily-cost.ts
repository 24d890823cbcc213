import { addDecimals } from '@usage-monitor/web-kit/money';
import { daysOfPeriod } from '@usage-monitor/web-kit/periods';
import { parseService, SERVICE_COLOURS, SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { type MoneySeries } from '@usage-monitor/web-kit/charts';
import type { DailyCostQuery } from '../../__generated__/graphql';

// Only the days and points: the totals beside the chart are not this function's business.
type Series = Pick<DailyCostQuery['usageTimeSeries'], 'from' | 'to' | 'points'>;

export interface DailyCost {
  days: string[];
  series: MoneySeries[];
}

/**
 * The 30-day series cut down to `period`'s days that it covers (a 30-day window can start in the
 * previous month, or on the 31st miss the 1st), one chart series per service, missing days as 0.
 */
export function dailyCostOfPeriod(timeSeries: Series, period: string): DailyCost {
  const firstDay = timeSeries.from.slice(0, 10);
  const lastInstant = new Date(Date.parse(timeSeries.to) - 1);
  const days = daysOfPeriod(period, lastInstant).filter((day) => day >= firstDay);
  const dayIndex = new Map(days.map((day, i) => [day, i]));

  const byKey = new Map<string, string[]>();
  for (const point of timeSeries.points) {
    const index = dayIndex.get(point.date);
    if (index === undefined) continue;
    const values = byKey.get(point.key) ?? days.map(() => '0');
    values[index] = addDecimals(values[index], point.costUsd);
    byKey.set(point.key, values);
  }

  // Services in their fixed order (the API's is by key), so stacks and legend match the history chart.
  const rank = (key: string) => {
    const index = SERVICES.indexOf(parseService(key) as (typeof SERVICES)[number]);
    return index === -1 ? SERVICES.length : index;
  };
  const series = [...byKey.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([key, values]) => {
    const service = parseService(key);
    return {
      label: service ? SERVICE_LABELS[service] : key,
      colour: service ? SERVICE_COLOURS[service] : '#64748b',
      values,
    };
  });
  return { days, series };
}
