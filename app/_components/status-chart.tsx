'use client';
// The status time series (Recharts): 401/403/429 by default, other statuses as toggles, and a
// rate/count switch. It only renders what lib/dashboard/prepare-status-chart decides.
import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  type ChartMode,
  formatBucketTime,
  formatChartValue,
  prepareStatusChart,
} from '@/lib/dashboard/prepare-status-chart';
import type { StatusSeries } from '@/lib/series/build-status-series';
import styles from './status-chart.module.css';

export interface StatusChartProps {
  /** Accessible name and heading id of the chart's section. */
  title: string;
  series: StatusSeries[];
  /** Codes drawn initially; the others start as toggles. */
  initialCodes: string[];
  rangeMs: number;
  height?: number;
}

export function StatusChart({ title, series, initialCodes, rangeMs, height = 280 }: StatusChartProps) {
  const [mode, setMode] = useState<ChartMode>('rate');
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set(initialCodes));
  const chart = useMemo(() => prepareStatusChart(series, mode), [series, mode]);
  const visible = chart.lines.filter((line) => shown.has(line.code));

  const toggle = (code: string) =>
    setShown((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <figure className={styles.figure} aria-label={title}>
      <div className={styles.controls}>
        <fieldset className={styles.toggles}>
          <legend className={styles.legendTitle}>Statuses</legend>
          {chart.lines.map((line) => (
            <button
              key={line.code}
              type="button"
              className={styles.toggle}
              aria-pressed={shown.has(line.code)}
              onClick={() => toggle(line.code)}
              title={`${line.total.toLocaleString('en-US')} calls in the range`}
            >
              <svg width="22" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="22" y2="4" stroke={line.color} strokeWidth="2.5" strokeDasharray={line.dash} />
              </svg>
              {line.code} {line.label}
            </button>
          ))}
        </fieldset>
        <fieldset className={styles.modes}>
          <legend className={styles.legendTitle}>Show</legend>
          {(['rate', 'count'] as const).map((m) => (
            <label key={m} className={styles.mode}>
              <input type="radio" name={`${title}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === 'rate' ? 'Rate (% of calls)' : 'Count'}
            </label>
          ))}
        </fieldset>
      </div>
      {chart.empty ? (
        <p className={styles.empty}>No calls in this range.</p>
      ) : (
        <div className={styles.plot} style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={chart.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#2a2f3a" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(t: number) => formatBucketTime(t, rangeMs)}
                stroke="#9aa3b2"
                fontSize={12}
              />
              <YAxis
                stroke="#9aa3b2"
                fontSize={12}
                width={56}
                tickFormatter={(v: number) => formatChartValue(v, mode)}
                allowDecimals={mode === 'rate'}
              />
              <Tooltip
                contentStyle={{ background: '#171a21', border: '1px solid #2a2f3a' }}
                labelFormatter={(t) => `${formatBucketTime(Number(t), rangeMs)} UTC`}
                formatter={(value, name) => {
                  const line = chart.lines.find((l) => l.code === name);
                  return [formatChartValue(value as number | null, mode), line ? `${line.code} ${line.label}` : String(name)];
                }}
              />
              {visible.map((line) => (
                <Line
                  key={line.code}
                  dataKey={line.code}
                  name={line.code}
                  stroke={line.color}
                  strokeDasharray={line.dash}
                  strokeWidth={2}
                  dot={(props: { index?: number; cx?: number; cy?: number }) =>
                    props.index !== undefined && line.isolated.includes(props.index) && props.cy != null ? (
                      <circle key={`${line.code}-${props.index}`} cx={props.cx} cy={props.cy} r={3} fill={line.color} />
                    ) : (
                      <g key={`${line.code}-${props.index}`} />
                    )
                  }
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <figcaption className={styles.caption}>
        {mode === 'rate'
          ? 'Share of all calls in each bucket with that status; gaps are buckets without any call.'
          : 'Calls with that status in each bucket.'}
      </figcaption>
    </figure>
  );
}
