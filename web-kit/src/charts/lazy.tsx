import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { BarChartProps, DoughnutChartProps, LineChartProps, StackedBarChartProps } from './chart-types';

// chart.js is most of an app's weight: it loads in its own chunk when a chart is first shown.
const load = () => import('./Charts');

function lazyChart<P extends object>(pick: (m: Awaited<ReturnType<typeof load>>) => ComponentType<P>) {
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(() => load().then((m) => ({ default: pick(m) })));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<div className="chart-box chart-loading">Loading chart…</div>}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const LazyLineChart = /* @__PURE__ */ lazyChart<LineChartProps>((m) => m.LineChart);
export const LazyBarChart = /* @__PURE__ */ lazyChart<BarChartProps>((m) => m.BarChart);
export const LazyDoughnutChart = /* @__PURE__ */ lazyChart<DoughnutChartProps>((m) => m.DoughnutChart);
export const LazyStackedBarChart = /* @__PURE__ */ lazyChart<StackedBarChartProps>((m) => m.StackedBarChart);

/** Starts loading the chart chunk early (on hover of the tab that shows charts, say). */
export function preloadCharts(): void {
  void load();
}
