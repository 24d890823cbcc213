// The only module of the kit that imports chart.js. Apps reach it through the lazy wrappers in
// ./lazy, so chart.js lands in its own chunk and stays out of the initial bundle.
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type TooltipItem,
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { addDecimals, decimalToChartNumber, formatUsd } from '../money/money';
import type {
  BarChartProps,
  DoughnutChartProps,
  LineChartProps,
  NumberSeries,
  StackedBarChartProps,
} from './chart-types';

let registered = false;

// Registered on first render rather than at import: the kit's modules have no import-time effects.
function ensureChartJs(): void {
  if (registered) return;
  registered = true;
  ChartJS.register(
    ArcElement,
    BarElement,
    CategoryScale,
    Filler,
    Legend,
    LinearScale,
    LineElement,
    PointElement,
    Tooltip,
  );
  const font = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim();
  ChartJS.defaults.font.family = font || 'system-ui, sans-serif';
  ChartJS.defaults.color = '#475569';
}

interface TooltipPoint {
  datasetIndex: number;
  dataIndex: number;
  formattedValue: string;
}

const tooltipLabel = (series: readonly NumberSeries[]) => (item: TooltipPoint) =>
  `${series[item.datasetIndex]?.label ?? ''}: ${series[item.datasetIndex]?.display[item.dataIndex] ?? item.formattedValue}`;

function cartesianOptions(series: readonly NumberSeries[], yTick?: (v: number) => string) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index' as const, intersect: false },
    plugins: {
      legend: { display: series.length > 1, position: 'bottom' as const, labels: { boxWidth: 12 } },
      tooltip: { callbacks: { label: tooltipLabel(series) } },
    },
    scales: {
      x: { grid: { display: false }, ticks: { maxTicksLimit: 10 } },
      y: { beginAtZero: true, ticks: yTick ? { callback: (v: string | number) => yTick(Number(v)) } : {} },
    },
  };
}

export function LineChart({ labels, series, ariaLabel, yTick }: LineChartProps) {
  ensureChartJs();
  return (
    <div className="chart-box">
      <Line
        role="img"
        aria-label={ariaLabel}
        data={{
          labels: [...labels],
          datasets: series.map((s) => ({
            label: s.label,
            data: [...s.values],
            borderColor: s.colour,
            backgroundColor: `${s.colour}22`,
            pointRadius: labels.length > 60 ? 0 : 2,
            borderWidth: 2,
            tension: 0.25,
            fill: series.length === 1,
          })),
        }}
        options={cartesianOptions(series, yTick)}
      />
    </div>
  );
}

export function BarChart({ labels, series, ariaLabel, yTick }: BarChartProps) {
  ensureChartJs();
  return (
    <div className="chart-box">
      <Bar
        role="img"
        aria-label={ariaLabel}
        data={{
          labels: [...labels],
          datasets: series.map((s) => ({
            label: s.label,
            data: [...s.values],
            backgroundColor: s.colour,
            borderRadius: 4,
          })),
        }}
        options={cartesianOptions(series, yTick)}
      />
    </div>
  );
}

export function DoughnutChart({ labels, values, display, colours, ariaLabel }: DoughnutChartProps) {
  ensureChartJs();
  return (
    <div className="chart-box">
      <Doughnut
        role="img"
        aria-label={ariaLabel}
        data={{
          labels: [...labels],
          datasets: [{ data: [...values], backgroundColor: [...colours], borderWidth: 1 }],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            legend: { position: 'right', labels: { boxWidth: 12 } },
            tooltip: {
              callbacks: { label: (item) => `${labels[item.dataIndex]}: ${display[item.dataIndex]}` },
            },
          },
        }}
      />
    </div>
  );
}

/**
 * Money stacked by series (cost per day by service). chart.js can only position bars with binary
 * floats: the float is used for drawing alone, every amount a reader sees (ticks aside) is
 * formatted from the exact strings.
 */
export function StackedBarChart({ title, labels, series }: StackedBarChartProps) {
  ensureChartJs();
  const exact = (item: TooltipItem<'bar'>) => series[item.datasetIndex].values[item.dataIndex];
  return (
    <div className="chart-box">
      <Bar
        role="img"
        aria-label={title}
        data={{
          labels: [...labels],
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values.map(decimalToChartNumber),
            backgroundColor: s.colour,
            stack: 'money',
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
            y: { stacked: true, beginAtZero: true, ticks: { callback: (value) => formatUsd(String(value)) } },
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
