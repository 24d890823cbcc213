import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type TooltipItem } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { addDecimals, formatUsd } from '../money';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartSeries {
  label: string;
  colour: string;
  /** Exact Decimal strings, one per label. */
  values: readonly string[];
}

export interface StackedBarChartProps {
  /** Read by screen readers in place of the canvas; the page also offers the numbers as a table. */
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
}

// chart.js can only position bars with binary floats. The float is used for drawing alone:
// every amount a reader sees (tooltips, totals) is formatted from the exact strings.
const plotValue = (decimal: string): number => Number(decimal);

export function StackedBarChart({ title, labels, series }: StackedBarChartProps) {
  const exact = (item: TooltipItem<'bar'>) => series[item.datasetIndex].values[item.dataIndex];
  return (
    <div className="chart">
      <Bar
        role="img"
        aria-label={title}
        data={{
          labels: [...labels],
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values.map(plotValue),
            backgroundColor: s.colour,
            stack: 'cost',
            borderRadius: 2,
            maxBarThickness: 48,
          })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { stacked: true, grid: { display: false } },
            y: {
              stacked: true,
              beginAtZero: true,
              ticks: { callback: (value) => formatUsd(String(value)) },
            },
          },
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 12 } },
            tooltip: {
              callbacks: {
                label: (item) => `${item.dataset.label}: ${formatUsd(exact(item))}`,
                footer: (items) => `Total: ${formatUsd(addDecimals(...items.map(exact)))}`,
              },
            },
          },
        }}
      />
    </div>
  );
}
