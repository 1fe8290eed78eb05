// Shapes status series for the Recharts time-series chart: one row per bucket, one column
// per status, rates in percent. A bucket without calls stays null so the line has a gap.
import type { StatusSeries } from '@/lib/series/build-status-series';
import { type StatusStyle, statusStyle } from './status-style';

export type ChartMode = 'rate' | 'count';

/** `t` is epoch ms; every other column is a status code's value (null: no calls at all). */
export type ChartRow = { t: number } & Record<string, number | null>;

export interface ChartLine extends StatusStyle {
  code: string;
  /** Calls with this status over the whole range, for the legend and the toggles. */
  total: number;
  /** Row indexes whose neighbours are both gaps: drawn as dots, since no segment reaches them. */
  isolated: number[];
}

export interface PreparedStatusChart {
  rows: ChartRow[];
  lines: ChartLine[];
  /** True when no bucket had any call: the chart shows an empty state instead. */
  empty: boolean;
}

export function prepareStatusChart(series: readonly StatusSeries[], mode: ChartMode): PreparedStatusChart {
  const first = series[0];
  const rows: ChartRow[] = (first?.points ?? []).map((point) => ({ t: Date.parse(point.t) }) as ChartRow);
  let anyCalls = false;
  for (const s of series) {
    s.points.forEach((point, i) => {
      const row = rows[i];
      if (!row) return;
      if (point.rate !== null) anyCalls = true;
      // Counts are real zeros when the bucket had calls; rates are undefined without calls.
      row[s.code] = mode === 'rate' ? (point.rate === null ? null : round(point.rate * 100, 2)) : point.rate === null ? null : point.count;
    });
  }
  const lines = series.map((s) => ({
    code: s.code,
    ...statusStyle(s.code),
    total: s.points.reduce((sum, p) => sum + p.count, 0),
    isolated: isolatedIndexes(rows.map((row) => row[s.code] ?? null)),
  }));
  return { rows, lines, empty: !anyCalls };
}

/** Indexes of values with gaps on both sides: a line cannot draw them, so charts show dots. */
export function isolatedIndexes(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null) out.push(i);
  });
  return out;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Axis and tooltip text for a value in the chosen mode. */
export function formatChartValue(value: number | null | undefined, mode: ChartMode): string {
  if (value === null || value === undefined) return 'no calls';
  return mode === 'rate' ? `${value.toFixed(value < 10 ? 1 : 0)}%` : value.toLocaleString('en-US');
}

/** Tick label for a bucket time: HH:MM within a day, else "Nov 25 14:00", in UTC. */
export function formatBucketTime(ms: number, rangeMs: number): string {
  const iso = new Date(ms).toISOString();
  if (rangeMs <= 24 * 3_600_000) return iso.slice(11, 16);
  const month = new Date(ms).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}
