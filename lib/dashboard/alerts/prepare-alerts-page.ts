// What the /alerts page and the overview's firing panel show, decided from the rules and their
// instances: the firing alerts (value against threshold, since when, a link to the key,
// endpoint or filtered overview), and per rule its condition in words, scope, state counts,
// channels and whether it is muted.
import { alertDashboardUrl } from '@/lib/alerts/build-alert-payload';
import { alertInstanceLabel } from '@/lib/alerts/alert-instance-label';
import { breaches, recovered } from '@/lib/alerts/decide-transition';
import type { AlertStateName } from '@/lib/alerts/alert-state';
import { formatDuration } from '@/lib/alerts/format-alert-values';
import type { AlertInstanceView } from '@/lib/alerts/list-alert-activity';
import { listChannelTargets } from '@/lib/alerts/list-channel-targets';
import type { AlertRule } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { describeAlertRule, formatAlertValue } from './describe-alert-rule';

export interface FiringAlertRow {
  ruleId: string;
  ruleName: string;
  severity: string;
  instanceKind: AlertInstanceView['instanceKind'];
  instanceLabel: string;
  /** The key or endpoint page (the overview with the rule's filters for a whole scope), over the episode. */
  href: string;
  /** "45% > 20%", or why a firing value no longer passes the threshold. */
  valueText: string;
  /** ISO time the episode started firing, and how long ago. */
  since: string | null;
  duration: string;
}

export interface AlertRuleCard {
  id: string;
  name: string;
  severity: string;
  enabled: boolean;
  metric: AlertRule['metric'];
  /** Set while a mute is in force. */
  mutedUntil: string | null;
  /** "429 rate > 20% over 5 min, for 2 min, per key" */
  summary: string;
  /** "service billing · environment production", or "All calls". */
  scope: string;
  /** "at least 20 calls in the window" */
  minimum: string;
  /** Instance counts per state, in the order firing, pending, resolved, no data, ok; zeros left out. */
  counts: { state: AlertStateName; n: number }[];
  /** Channel types and URLs without query strings. */
  channels: string[];
}

const stateOrder: AlertStateName[] = ['firing', 'pending', 'resolved', 'no_data', 'ok'];

export const stateLabels: Record<AlertStateName, string> = { firing: 'firing', pending: 'pending', resolved: 'resolved', no_data: 'no data', ok: 'ok' };

export function prepareFiringAlerts(instances: readonly AlertInstanceView[], rules: readonly AlertRule[], nowMs: number): FiringAlertRow[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return instances.flatMap((instance) => {
    const rule = byId.get(instance.ruleId);
    if (instance.state !== 'firing' || !rule) return [];
    const sinceMs = instance.firingSince ? Date.parse(instance.firingSince) : null;
    // From one window before the episode began, so the page shows the rise.
    const fromMs = (sinceMs ?? nowMs) - rule.windowSeconds * 1000;
    return [
      {
        ruleId: rule.id,
        ruleName: rule.name,
        severity: rule.severity,
        instanceKind: instance.instanceKind,
        instanceLabel: instance.instanceLabel,
        href: alertDashboardUrl(rule, instance.instanceKey, fromMs, nowMs, ''),
        valueText: firingValueText(rule, instance.value),
        since: instance.firingSince,
        duration: sinceMs === null ? '' : formatDuration(nowMs - sinceMs),
      },
    ];
  });
}

/**
 * The last measured value against the rule as it stands now. A firing value can be past the
 * threshold no longer: inside the hysteresis band, or after the rule was edited (the next
 * evaluation decides then).
 */
function firingValueText(rule: AlertRule, value: number | null): string {
  const v = (x: number | null | undefined) => formatAlertValue(rule.metric, x);
  if (value === null) return 'no data (last state kept)';
  if (breaches(rule, value)) return `${v(value)} ${rule.comparator} ${v(rule.threshold)}`;
  const healthy = rule.comparator === '>' || rule.comparator === '>=' ? '≤' : '≥';
  if (!recovered(rule, value)) return `${v(value)}, not yet back to ${healthy} ${v(rule.recoveryThreshold)} (recovery threshold)`;
  return `${v(value)}, no longer ${rule.comparator} ${v(rule.threshold)}: resolves at the next evaluation`;
}

export function prepareAlertRuleCards(rules: readonly AlertRule[], instances: readonly AlertInstanceView[], nowMs: number): AlertRuleCard[] {
  return rules.map((rule) => {
    const counts = new Map<AlertStateName, number>();
    for (const instance of instances) {
      if (instance.ruleId === rule.id) counts.set(instance.state, (counts.get(instance.state) ?? 0) + 1);
    }
    const mutedMs = rule.mutedUntil ? Date.parse(rule.mutedUntil) : null;
    return {
      id: rule.id,
      name: rule.name,
      severity: rule.severity,
      enabled: rule.enabled,
      metric: rule.metric,
      mutedUntil: mutedMs !== null && mutedMs > nowMs ? (rule.mutedUntil ?? null) : null,
      summary: describeAlertRule(rule),
      // The rule's filters without the fan-out: the label of its whole-scope instance.
      scope: alertInstanceLabel({ ...rule.scope, each: undefined }, '', { keyLabel: null, endpoint: null }),
      minimum: `at least ${rule.minRequests.toLocaleString('en-US')} ${rule.minRequests === 1 ? 'call' : 'calls'} in the window`,
      counts: stateOrder.flatMap((state) => {
        const n = counts.get(state) ?? 0;
        return n > 0 ? [{ state, n }] : [];
      }),
      channels: listChannelTargets(rule.channels),
    };
  });
}
