// The only module that imports chart.js: it is reached through React.lazy, so chart.js lands in
// its own chunk and the initial bundle stays small.
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
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';

ChartJS.register(ArcElement, BarElement, CategoryScale, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip);
ChartJS.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans') || 'system-ui, sans-serif';
ChartJS.defaults.color = '#475569';

export interface ChartSeries {
  label: string;
  /** Numbers for geometry only. */
  values: number[];
  /** What the tooltip shows for each value (exact money strings already formatted). */
  display: string[];
  color: string;
}

interface TooltipPoint {
  datasetIndex: number;
  dataIndex: number;
  formattedValue: string;
}

const tooltipLabel = (series: readonly ChartSeries[]) => (item: TooltipPoint) =>
  `${series[item.datasetIndex]?.label ?? ''}: ${series[item.datasetIndex]?.display[item.dataIndex] ?? item.formattedValue}`;

function cartesianOptions(series: readonly ChartSeries[], yTick?: (v: number) => string) {
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

export function LineChart({ labels, series, ariaLabel, yTick }: { labels: string[]; series: ChartSeries[]; ariaLabel: string; yTick?: (v: number) => string }) {
  return (
    <div className="chart-box">
      <Line
        role="img"
        aria-label={ariaLabel}
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: `${s.color}22`,
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

export function BarChart({ labels, series, ariaLabel, yTick }: { labels: string[]; series: ChartSeries[]; ariaLabel: string; yTick?: (v: number) => string }) {
  return (
    <div className="chart-box">
      <Bar
        role="img"
        aria-label={ariaLabel}
        data={{
          labels,
          datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderRadius: 4 })),
        }}
        options={cartesianOptions(series, yTick)}
      />
    </div>
  );
}

export function DoughnutChart({ labels, values, display, colors, ariaLabel }: { labels: string[]; values: number[]; display: string[]; colors: string[]; ariaLabel: string }) {
  return (
    <div className="chart-box">
      <Doughnut
        role="img"
        aria-label={ariaLabel}
        data={{ labels, datasets: [{ data: values, backgroundColor: colors, borderWidth: 1 }] }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            legend: { position: 'right', labels: { boxWidth: 12 } },
            tooltip: { callbacks: { label: (item) => `${labels[item.dataIndex]}: ${display[item.dataIndex]}` } },
          },
        }}
      />
    </div>
  );
}

export const SERVICE_COLORS: Record<string, string> = {
  OPENAI: '#0f9d7a',
  ELEVENLABS: '#6d4fd8',
  SMARTFLO: '#e08a00',
};

export const PALETTE = ['#2563eb', '#0f9d7a', '#e08a00', '#6d4fd8', '#dc2626', '#0891b2', '#c026d3', '#65a30d', '#9a3412', '#64748b'];
