'use client';
// The preview of a rule being edited: its metric over recent data, one line for the scope or
// for the worst keys/endpoints, and the threshold (and recovery threshold) as reference lines.
// It only renders what lib/dashboard/alerts/prepare-alert-preview decided.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAlertDuration } from '@/lib/dashboard/alerts/describe-alert-rule';
import type { AlertPreview } from '@/lib/dashboard/alerts/prepare-alert-preview';
import { formatBucketTime } from '@/lib/dashboard/prepare-status-chart';
import styles from './alerts.module.css';

const unitText = (unit: AlertPreview['unit'], value: number | null | undefined): string => {
  if (value === null || value === undefined) return 'too few calls';
  if (unit === 'percent') return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit === 'ms' ? ' ms' : ''}`;
};

export function RulePreviewChart({ preview, each }: { preview: AlertPreview; each: string }) {
  const rangeMs = preview.toMs - preview.fromMs;
  const threshold = preview.threshold;
  const maxValue = Math.max(0, ...preview.rows.flatMap((row) => preview.series.map((s) => row[s.id] ?? 0)));
  const top = Math.max(maxValue, threshold ?? 0, preview.recoveryThreshold ?? 0) * 1.1 || 1;
  const noun = each === 'endpoint' ? 'endpoints' : 'keys';
  const summary =
    preview.threshold === null
      ? 'Enter a threshold to see where it lies.'
      : each
        ? `${preview.crossingInstances} of ${preview.instances} ${noun} with calls crossed the threshold in at least one bucket${preview.series.length < preview.instances ? `; the ${preview.series.length} worst are drawn` : ''}.`
        : preview.crossingInstances > 0
          ? 'The metric crossed the threshold in at least one bucket.'
          : 'The metric stayed within the threshold.';
  return (
    <figure className={styles.previewFigure} aria-label="Preview of the rule's metric against its threshold">
      {preview.empty ? (
        <p className={styles.empty}>No bucket in this range had enough calls to measure.</p>
      ) : (
        <div className={styles.previewPlot}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={preview.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#2a2f3a" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[preview.fromMs, preview.toMs - preview.stepMinutes * 60_000]}
                tickFormatter={(t: number) => formatBucketTime(t, rangeMs)}
                stroke="#9aa3b2"
                fontSize={12}
              />
              <YAxis stroke="#9aa3b2" fontSize={12} width={64} domain={[0, top]} tickFormatter={(v: number) => unitText(preview.unit, Math.round(v * 100) / 100)} />
              <Tooltip
                contentStyle={{ background: '#171a21', border: '1px solid #2a2f3a' }}
                labelFormatter={(t) => `${formatBucketTime(Number(t), rangeMs)} UTC`}
                formatter={(value, name) => [unitText(preview.unit, value as number | null), preview.series.find((s) => s.id === name)?.label ?? String(name)]}
              />
              {threshold !== null ? (
                <ReferenceLine y={threshold} stroke="#f85149" strokeWidth={1.5} label={{ value: `threshold ${unitText(preview.unit, threshold)}`, fill: '#f85149', fontSize: 12, position: 'insideTopRight' }} />
              ) : null}
              {preview.recoveryThreshold !== null ? (
                <ReferenceLine
                  y={preview.recoveryThreshold}
                  stroke="#3fb950"
                  strokeDasharray="4 4"
                  label={{ value: `recovery ${unitText(preview.unit, preview.recoveryThreshold)}`, fill: '#3fb950', fontSize: 12, position: 'insideBottomRight' }}
                />
              ) : null}
              {preview.series.map((s) => (
                <Line
                  key={s.id}
                  dataKey={s.id}
                  name={s.id}
                  stroke={s.color}
                  strokeDasharray={s.dash}
                  strokeWidth={2}
                  dot={(props: { index?: number; cx?: number; cy?: number }) =>
                    props.index !== undefined && s.isolated.includes(props.index) && props.cy != null ? (
                      <circle key={`${s.id}-${props.index}`} cx={props.cx} cy={props.cy} r={3} fill={s.color} data-series={s.id} />
                    ) : (
                      <g key={`${s.id}-${props.index}`} />
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
        Last {formatAlertDuration(rangeMs / 1000)} in {formatAlertDuration(preview.stepMinutes * 60)} buckets; each point is what one evaluation
        of that window would see, a gap is a bucket with fewer calls than the rule needs. {summary}
      </figcaption>
      {preview.series.length > 0 ? (
        <ul className={styles.previewLegend} aria-label="Lines">
          {preview.series.map((s) => (
            <li key={s.id}>
              <svg width="22" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="22" y2="4" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash} />
              </svg>
              <span className={styles.legendLabel}>{s.label}</span>
              <span className="muted">
                worst {unitText(preview.unit, s.worst)} · {s.crossed ? 'crossed the threshold' : 'within the threshold'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
