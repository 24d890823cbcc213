import { lazy, Suspense } from 'react';
import type { StackedBarChartProps } from './StackedBarChart';

// chart.js is most of the bundle's weight: it loads in its own chunk when a chart is first shown.
const StackedBarChart = lazy(() => import('./StackedBarChart').then((m) => ({ default: m.StackedBarChart })));

export function LazyStackedBarChart(props: StackedBarChartProps) {
  return (
    <Suspense fallback={<div className="chart chart-loading">Loading chart…</div>}>
      <StackedBarChart {...props} />
    </Suspense>
  );
}
