// What each instance of a rule observes now: the rule's window and scope read from the rollups
// and turned into one Observation per instance, ready for decideTransition.
//
// The window is whole minutes: the last ceil(windowSeconds / 60) minutes that have ended, so
// [nowMinute - n, nowMinute). The minute still running is left out: its few calls would make a
// rate jump on a handful of samples, and spans of that minute are still arriving. A condition is
// therefore seen up to a minute late, well inside an evaluation interval plus forSeconds.
import type { Database } from '@/lib/db/client';
import { type AlertMetricRow, measureAlertMetric } from '@/lib/db/queries/measure-alert-metric';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { latencyBucketColumns } from '@/lib/db/latency-buckets';
import { percentileFromHistogram } from '@/lib/rollup/percentile-from-histogram';
import type { Observation } from './alert-state';
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';

/** The epoch minutes [fromMinute, toMinute) a rule's window covers at nowMs. */
export function alertWindowMinutes(windowSeconds: number, nowMs: number): { fromMinute: number; toMinute: number } {
  const toMinute = Math.floor(nowMs / 60_000);
  return { fromMinute: toMinute - Math.ceil(windowSeconds / 60), toMinute };
}

/**
 * One instance's metric. rate: matching / total (null without calls); count: matching calls;
 * p95_latency: the upper bound of the histogram bucket holding the 95th percentile, in ms (the
 * rollups keep buckets, not durations, so this errs high by at most one bucket), or the slowest
 * call when it lies in the open bucket over 5 s; null without calls.
 */
export function observationOf(rule: Pick<AlertRuleDefinition, 'metric'>, row: AlertMetricRow): Observation {
  const requests = row.total;
  switch (rule.metric) {
    case 'rate':
      return { value: requests > 0 ? row.matching / requests : null, requests };
    case 'count':
      return { value: row.matching, requests };
    case 'p95_latency': {
      const p95 = percentileFromHistogram(row.latencyBuckets, 0.95);
      return { value: p95 === null ? null : (p95.leMs ?? row.durationMaxMs), requests };
    }
  }
}

/** The observation of an instance with no calls in the window (a fanned-out instance that went quiet). */
export function observationWithoutCalls(rule: Pick<AlertRuleDefinition, 'metric'>): Observation {
  return observationOf(rule, { instanceKey: '', total: 0, matching: 0, latencyBuckets: latencyBucketColumns.map(() => 0), durationMaxMs: 0 });
}

/**
 * Observations per instance key: '' for a rule without `scope.each`, else the key fingerprint
 * or endpoint id of every instance with calls in the window. Instances without calls are absent;
 * the runner gives those it already tracks observationWithoutCalls(rule).
 */
export async function measureAlertInstances(db: Database, rule: AlertRuleDefinition, nowMs: number): Promise<Map<string, Observation>> {
  const { scope } = rule;
  const filter: RollupFilter = { ...alertWindowMinutes(rule.windowSeconds, nowMs) };
  if (scope.service !== undefined) filter.service = scope.service;
  if (scope.environment !== undefined) filter.environment = scope.environment;
  if (scope.endpoint !== undefined) filter.endpoint = scope.endpoint;
  if (scope.key !== undefined) filter.key = scope.key;
  const codes = rule.metric === 'p95_latency' ? [] : rule.codes;
  const rows = await measureAlertMetric(db, filter, { codes, each: scope.each });
  return new Map(rows.map((row) => [row.instanceKey, observationOf(rule, row)]));
}
