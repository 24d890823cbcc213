// Props of the chart components, kept apart from them so that importing a type never pulls in chart.js.

export interface NumberSeries {
  label: string;
  /** Numbers for geometry only. */
  values: readonly number[];
  /** What the tooltip shows for each value (exact money strings already formatted). */
  display: readonly string[];
  colour: string;
}

export interface LineChartProps {
  labels: readonly string[];
  series: readonly NumberSeries[];
  ariaLabel: string;
  yTick?: (value: number) => string;
}

export type BarChartProps = LineChartProps;

export interface DoughnutChartProps {
  labels: readonly string[];
  values: readonly number[];
  display: readonly string[];
  colours: readonly string[];
  ariaLabel: string;
}

export interface MoneySeries {
  label: string;
  colour: string;
  /** Exact Decimal strings, one per label. */
  values: readonly string[];
}

export interface StackedBarChartProps {
  /** Read by screen readers in place of the canvas; pages also offer the numbers as a table. */
  title: string;
  labels: readonly string[];
  series: readonly MoneySeries[];
}

/** A categorical palette for series without a fixed colour (models), ≥ 3:1 on white. */
export const PALETTE: readonly string[] = [
  '#2563eb',
  '#0f766e',
  '#c2410c',
  '#7c3aed',
  '#dc2626',
  '#0e7490',
  '#a21caf',
  '#4d7c0f',
  '#9a3412',
  '#64748b',
];
