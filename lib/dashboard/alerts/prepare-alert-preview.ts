// Shapes rollup buckets into the /alerts form's preview: the rule's metric per bucket (the
// bucket is the rule's window, so each point is what one evaluation would see), one line for
// the whole scope or for the worst few keys/endpoints when the rule fans out, and the threshold
// to draw. A bucket below the rule's minimum of calls is a gap: the rule would not alert on it.
import type { AlertMetricRow } from '@/lib/db/queries/measure-alert-metric';
import type { AlertPreviewBucketRow } from '@/lib/db/queries/get-alert-preview-buckets';
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { breaches } from '@/lib/alerts/decide-transition';
import { observationOf } from '@/lib/alerts/measure-alert-instances';
import type { AlertPreviewRequest } from '@/lib/alerts/schemas/alert-preview-request-schema';
import { matchesSelector } from '@/lib/series/build-status-series';
import { isolatedIndexes } from '../prepare-status-chart';

export interface AlertPreviewRange {
  stepMinutes: number;
  /** Inclusive epoch minute of the first bucket. */
  fromMinute: number;
  /** Exclusive epoch minute after the last bucket. */
  toMinute: number;
}

export interface AlertPreviewSeries {
  /** The column of `rows` holding this line's values. */
  id: string;
  /** '' for the whole scope, else the key fingerprint or endpoint id. */
  instanceKey: string;
  label: string;
  color: string;
  dash?: string;
  /** The worst value over the range, in the chart's unit (highest for > and >=, lowest for < and <=). */
  worst: number | null;
  /** Whether any bucket is past the threshold. */
  crossed: boolean;
  /** Row indexes whose neighbours are both gaps: drawn as dots, since no segment reaches them. */
  isolated: number[];
}

export interface AlertPreview {
  unit: 'percent' | 'calls' | 'ms';
  stepMinutes: number;
  fromMs: number;
  toMs: number;
  /** In the chart's unit (percent for rates); null when the form has no valid threshold yet. */
  threshold: number | null;
  recoveryThreshold: number | null;
  /** `t` is the bucket start in epoch ms; series ids map to values (null: a gap). */
  rows: ({ t: number } & Record<string, number | null>)[];
  series: AlertPreviewSeries[];
  /** Instances with calls in the range, and how many of them crossed the threshold in some bucket. */
  instances: number;
  crossingInstances: number;
  /** True when no bucket had enough calls to measure. */
  empty: boolean;
}

export const previewBuckets = 72;
export const previewMaxInstances = 5;
const instanceColors = ['#f85149', '#d29922', '#58a6ff', '#bc8cff', '#3fb950'];

/** 72 buckets of the rule's window (whole minutes, at most an hour), ending with the current minute. */
export function alertPreviewRange(windowSeconds: number, nowMs: number): AlertPreviewRange {
  const stepMinutes = Math.min(60, Math.max(1, Math.ceil(windowSeconds / 60)));
  const nowMinute = Math.floor(nowMs / 60_000);
  const toMinute = (Math.floor(nowMinute / stepMinutes) + 1) * stepMinutes;
  return { stepMinutes, fromMinute: toMinute - previewBuckets * stepMinutes, toMinute };
}

export function prepareAlertPreview(
  buckets: readonly AlertPreviewBucketRow[],
  rule: AlertPreviewRequest,
  range: AlertPreviewRange,
): AlertPreview {
  const rate = rule.metric === 'rate';
  const toUnit = (v: number | null) => (v === null ? null : rate ? Math.round(v * 100 * 100) / 100 : v);
  const threshold = rule.threshold === undefined ? null : toUnit(rule.threshold);
  const starts = Array.from({ length: (range.toMinute - range.fromMinute) / range.stepMinutes }, (_, i) => range.fromMinute + i * range.stepMinutes);
  // A bucket shorter than the window needs proportionally fewer calls (the same rate of traffic).
  const windowMinutes = Math.ceil(rule.windowSeconds / 60);
  const minCalls = Math.max(1, Math.ceil((rule.minRequests * range.stepMinutes) / windowMinutes));

  const perInstance = new Map<string, Map<number, AlertMetricRow>>();
  for (const row of buckets) {
    if (row.bucketMinute < range.fromMinute || row.bucketMinute >= range.toMinute) continue;
    const byBucket = perInstance.get(row.instanceKey) ?? new Map<number, AlertMetricRow>();
    perInstance.set(row.instanceKey, byBucket);
    const metric = byBucket.get(row.bucketMinute) ?? emptyMetricRow(row.instanceKey);
    byBucket.set(row.bucketMinute, metric);
    metric.total += row.count;
    if (rule.metric !== 'p95_latency' && rule.codes.some((code) => matchesSelector(String(code), row.statusCode, row.statusClass))) {
      metric.matching += row.count;
    }
    row.latencyBuckets.forEach((n, i) => {
      metric.latencyBuckets[i] = (metric.latencyBuckets[i] ?? 0) + n;
    });
    metric.durationMaxMs = Math.max(metric.durationMaxMs, row.durationMaxMs);
  }

  const below = rule.comparator === '<' || rule.comparator === '<=';
  const candidates = [...perInstance.entries()].map(([instanceKey, byBucket]) => {
    // Compared in the rule's own units (fractions for rates), exactly as the evaluator does.
    const values = starts.map((m) => {
      const metric = byBucket.get(m) ?? emptyMetricRow(instanceKey);
      return metric.total < minCalls ? null : observationOf(rule, metric).value;
    });
    const present = values.filter((v): v is number => v !== null);
    const worst = present.length === 0 ? null : below ? Math.min(...present) : Math.max(...present);
    const { threshold: limit } = rule;
    const crossed = limit !== undefined && present.some((v) => breaches({ comparator: rule.comparator, threshold: limit }, v));
    return { instanceKey, values, worst, crossed };
  });
  // The worst first; instances never measured (too few calls in every bucket) last.
  candidates.sort((a, b) => {
    if (a.worst === null || b.worst === null) return a.worst === null ? (b.worst === null ? 0 : 1) : -1;
    return below ? a.worst - b.worst : b.worst - a.worst;
  });
  const shown = rule.scope.each ? candidates.slice(0, previewMaxInstances) : candidates;

  const series: AlertPreviewSeries[] = shown.map((c, i) => ({
    id: `s${i}`,
    instanceKey: c.instanceKey,
    label: c.instanceKey === '' && !rule.scope.each ? 'All calls in scope' : c.instanceKey,
    color: rule.scope.each ? (instanceColors[i] ?? '#9aa3b2') : '#58a6ff',
    dash: i % 2 === 1 ? '6 3' : undefined,
    worst: toUnit(c.worst),
    crossed: c.crossed,
    isolated: isolatedIndexes(c.values),
  }));
  const rows = starts.map((m, bucket) => {
    const row = { t: m * 60_000 } as { t: number } & Record<string, number | null>;
    shown.forEach((c, i) => {
      row[`s${i}`] = toUnit(c.values[bucket] ?? null);
    });
    return row;
  });
  return {
    unit: rate ? 'percent' : rule.metric === 'count' ? 'calls' : 'ms',
    stepMinutes: range.stepMinutes,
    fromMs: range.fromMinute * 60_000,
    toMs: range.toMinute * 60_000,
    threshold,
    recoveryThreshold: rule.recoveryThreshold === undefined ? null : toUnit(rule.recoveryThreshold),
    rows,
    series,
    instances: candidates.length,
    crossingInstances: candidates.filter((c) => c.crossed).length,
    empty: candidates.every((c) => c.worst === null),
  };
}

function emptyMetricRow(instanceKey: string): AlertMetricRow {
  return { instanceKey, total: 0, matching: 0, latencyBuckets: latencyBucketColumns.map(() => 0), durationMaxMs: 0 };
}
