// The alert state machine: from an instance's persisted state and one observation, its next
// state and the notice (if any) to send. Pure, so every transition is table-tested and a
// restarted runner that feeds back the stored InstanceState decides exactly as before.
//
// Decisions (what a Grafana user would expect):
// - No data = fewer calls than minRequests, or a value that cannot be computed (a rate with no
//   calls). With `noDataState: 'ok'` (the default) it counts as healthy: pending falls back,
//   ok becomes no_data, and a firing instance resolves (with its resolved notice). With
//   `noDataState: 'keep'` nothing changes: the state, its timers and the renotify clock carry on
//   as they were (Grafana's "Keep Last State").
// - Pending starts at the first breaching evaluation; the instance fires at the first breaching
//   evaluation at least forSeconds later (forSeconds 0 fires at once). A healthy sample or no
//   data (in 'ok' mode) breaks the pending streak.
// - Hysteresis: a firing instance resolves only when the value no longer passes the comparator
//   against recoveryThreshold (`> 0.2` with recovery 0.1 resolves at ≤ 0.1); without one, as
//   soon as it no longer breaches.
// - Resolved lasts one evaluation: the next healthy one turns it into ok, a breach starts a new
//   episode (episode + 1 when it fires).
// - Mute: a muted rule still moves through its states but sends nothing and leaves
//   lastNotifiedMs alone. `lastNotifiedMs === null` while firing means "this episode has not
//   been announced", so when the mute ends a still-firing instance sends its `firing` notice
//   then; an episode that resolves unannounced (muted throughout) sends no `resolved` notice.
// - Disabled rules never reach this function (the runner skips them).
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';
import type { Decision, InstanceState, Observation } from './alert-state';

export type DecisionRule = Pick<
  AlertRuleDefinition,
  'comparator' | 'threshold' | 'recoveryThreshold' | 'minRequests' | 'forSeconds' | 'noDataState' | 'renotifySeconds'
> & {
  mutedUntil?: string | null;
  /** The rule's mute end as stored; when absent, `mutedUntil` (ISO) is read instead. */
  mutedUntilMs?: number | null;
};

type Comparator = AlertRuleDefinition['comparator'];

function passes(comparator: Comparator, value: number, bound: number): boolean {
  switch (comparator) {
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
  }
}

/** Whether the value is past the threshold; an unknown value never breaches. */
export function breaches(rule: Pick<DecisionRule, 'comparator' | 'threshold'>, value: number | null): boolean {
  return value !== null && passes(rule.comparator, value, rule.threshold);
}

/** Whether a firing instance may resolve on this value: back past recoveryThreshold when set. */
export function recovered(rule: Pick<DecisionRule, 'comparator' | 'threshold' | 'recoveryThreshold'>, value: number | null): boolean {
  if (value === null) return false;
  return !passes(rule.comparator, value, rule.recoveryThreshold ?? rule.threshold);
}

export function isMuted(rule: Pick<DecisionRule, 'mutedUntil' | 'mutedUntilMs'>, nowMs: number): boolean {
  const until = rule.mutedUntilMs !== undefined ? rule.mutedUntilMs : rule.mutedUntil ? Date.parse(rule.mutedUntil) : null;
  return until !== null && until > nowMs;
}

type Signal = 'breach' | 'healthy' | 'no_data';

function signalOf(rule: DecisionRule, obs: Observation): Signal {
  if (obs.value === null || obs.requests < rule.minRequests) return 'no_data';
  return breaches(rule, obs.value) ? 'breach' : 'healthy';
}

export function decideTransition(rule: DecisionRule, prev: InstanceState, obs: Observation, nowMs: number): Decision {
  const muted = isMuted(rule, nowMs);
  const signal = signalOf(rule, obs);
  if (prev.state === 'firing') {
    const resolves = signal === 'no_data' ? rule.noDataState === 'ok' : signal === 'healthy' && recovered(rule, obs.value);
    return resolves ? resolve(prev, nowMs, muted) : stayFiring(rule, prev, nowMs, muted);
  }
  switch (signal) {
    case 'no_data':
      if (rule.noDataState === 'keep') return { next: prev, notify: null };
      return { next: { ...prev, state: 'no_data', pendingSinceMs: null, firingSinceMs: null }, notify: null };
    case 'healthy':
      return { next: { ...prev, state: 'ok', pendingSinceMs: null, firingSinceMs: null }, notify: null };
    case 'breach': {
      const since = prev.state === 'pending' && prev.pendingSinceMs !== null ? prev.pendingSinceMs : nowMs;
      if (nowMs - since < rule.forSeconds * 1000) {
        return { next: { ...prev, state: 'pending', pendingSinceMs: since, firingSinceMs: null }, notify: null };
      }
      return startFiring(prev, since, nowMs, muted);
    }
  }
}

function startFiring(prev: InstanceState, breachSinceMs: number, nowMs: number, muted: boolean): Decision {
  return {
    next: {
      state: 'firing',
      episode: prev.episode + 1,
      pendingSinceMs: breachSinceMs,
      firingSinceMs: nowMs,
      resolvedAtMs: prev.resolvedAtMs,
      // A new episode starts unannounced; null tells later evaluations the firing notice is still owed.
      lastNotifiedMs: muted ? null : nowMs,
    },
    notify: muted ? null : 'firing',
  };
}

function stayFiring(rule: DecisionRule, prev: InstanceState, nowMs: number, muted: boolean): Decision {
  const next: InstanceState = { ...prev, state: 'firing' };
  if (muted) return { next, notify: null };
  // The episode began (or the mute ended) without a notice: announce it now, once.
  if (prev.lastNotifiedMs === null) return { next: { ...next, lastNotifiedMs: nowMs }, notify: 'firing' };
  if (rule.renotifySeconds !== undefined && nowMs - prev.lastNotifiedMs >= rule.renotifySeconds * 1000) {
    return { next: { ...next, lastNotifiedMs: nowMs }, notify: 'renotify' };
  }
  return { next, notify: null };
}

function resolve(prev: InstanceState, nowMs: number, muted: boolean): Decision {
  // Only an episode the channels heard about gets a resolved notice.
  const announce = !muted && prev.lastNotifiedMs !== null;
  return {
    next: {
      ...prev,
      state: 'resolved',
      pendingSinceMs: null,
      firingSinceMs: null,
      resolvedAtMs: nowMs,
      lastNotifiedMs: announce ? nowMs : prev.lastNotifiedMs,
    },
    notify: announce ? 'resolved' : null,
  };
}
