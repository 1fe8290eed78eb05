// How an alert rule and its values read on the /alerts page and the overview: the condition in
// words ("429 rate > 20% over 5 min, for 2 min, per key") and values in the metric's unit
// (rates in percent, latency in ms).
import type { AlertRuleDefinition } from '@/lib/alerts/schemas/alert-rule-request-schema';

type Metric = AlertRuleDefinition['metric'];

/** "429 rate > 20% over 5 min, for 2 min, per key", plus the recovery threshold when there is one. */
export type DescribedRule = Pick<AlertRuleDefinition, 'metric' | 'comparator' | 'threshold' | 'windowSeconds' | 'forSeconds' | 'recoveryThreshold'> & {
  codes: readonly (number | string)[];
  scope: { each?: 'key' | 'endpoint' };
};

export function describeAlertRule(rule: DescribedRule): string {
  const subject = rule.metric === 'p95_latency' ? 'p95 latency' : `${rule.codes.join(', ')} ${rule.metric}`;
  const parts = [`${subject} ${rule.comparator} ${formatAlertValue(rule.metric, rule.threshold)} over ${formatAlertDuration(rule.windowSeconds)}`];
  if (rule.forSeconds > 0) parts.push(`for ${formatAlertDuration(rule.forSeconds)}`);
  if (rule.scope.each) parts.push(`per ${rule.scope.each}`);
  if (rule.recoveryThreshold !== undefined) {
    const healthy = rule.comparator === '>' || rule.comparator === '>=' ? '≤' : '≥';
    parts.push(`recovers at ${healthy} ${formatAlertValue(rule.metric, rule.recoveryThreshold)}`);
  }
  return parts.join(', ');
}

/** A value in the metric's unit: "20%" (rates are fractions), "12 calls", "800 ms"; "—" without one. */
export function formatAlertValue(metric: Metric, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (metric === 'rate') return `${trimNumber(value * 100, value * 100 < 10 ? 2 : 1)}%`;
  if (metric === 'count') return `${trimNumber(value, 2)} ${value === 1 ? 'call' : 'calls'}`;
  return `${trimNumber(value, 0)} ms`;
}

/** 90 → "90 s", 300 → "5 min", 5400 → "90 min", 7200 → "2 h", 86400 → "1 day". */
export function formatAlertDuration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds > 0) return `${seconds / 86_400} ${seconds === 86_400 ? 'day' : 'days'}`;
  if (seconds % 3600 === 0 && seconds > 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function trimNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
