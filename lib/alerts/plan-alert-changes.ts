// What one evaluation of a rule changes, decided from its instances' stored states and what
// each instance observes now: the states to store, the state changes for the rule's history and
// the notices to send. Pure; the runner reads the inputs and writes the result in one transaction.
import type { AlertEventWrite, AlertInstanceWrite } from '@/lib/db/save-alert-evaluation';
import type { StoredAlertInstance } from '@/lib/db/queries/list-alert-instance-states';
import { type AlertStateName, type InstanceState, initialInstanceState, type NotificationKind, type Observation } from './alert-state';
import { type DecisionRule, decideTransition } from './decide-transition';
import { observationWithoutCalls } from './measure-alert-instances';
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';

export interface AlertNotice {
  instanceKey: string;
  kind: NotificationKind;
  /** The state before this evaluation (a resolved notice reads when the episode started here). */
  prev: InstanceState;
  next: InstanceState;
  observation: Observation;
}

export interface AlertChanges {
  instances: AlertInstanceWrite[];
  events: AlertEventWrite[];
  notices: AlertNotice[];
}

export type PlannedRule = DecisionRule & Pick<AlertRuleDefinition, 'metric'>;

// Moves among these are not news: a key going quiet (ok → no_data) or a resolved alert settling
// (resolved → ok) would otherwise fill a fanned-out rule's history with noise.
const quietStates = new Set<AlertStateName>(['ok', 'no_data', 'resolved']);

function sameState(a: InstanceState, b: InstanceState): boolean {
  return (
    a.state === b.state &&
    a.episode === b.episode &&
    a.pendingSinceMs === b.pendingSinceMs &&
    a.firingSinceMs === b.firingSinceMs &&
    a.resolvedAtMs === b.resolvedAtMs &&
    a.lastNotifiedMs === b.lastNotifiedMs
  );
}

/**
 * Every instance that has calls in the window or is already tracked is decided. Tracked
 * instances without calls observe "no calls" (so a key that stopped calling resolves); they are
 * written only when their state changes, so quiet keys cost nothing tick after tick.
 */
export function planAlertChanges(
  rule: PlannedRule,
  stored: ReadonlyMap<string, StoredAlertInstance>,
  observations: ReadonlyMap<string, Observation>,
  nowMs: number,
): AlertChanges {
  const changes: AlertChanges = { instances: [], events: [], notices: [] };
  const keys = [...new Set([...observations.keys(), ...stored.keys()])].sort();
  for (const instanceKey of keys) {
    const measured = observations.get(instanceKey);
    const observation = measured ?? observationWithoutCalls(rule);
    const prev = stored.get(instanceKey)?.state ?? initialInstanceState;
    const { next, notify } = decideTransition(rule, prev, observation, nowMs);
    const changed = !sameState(prev, next);
    if (measured || changed) {
      changes.instances.push({ instanceKey, state: next, lastValue: observation.value, lastRequests: observation.requests });
    }
    if (prev.state !== next.state && !(quietStates.has(prev.state) && quietStates.has(next.state))) {
      changes.events.push({ instanceKey, fromState: prev.state, toState: next.state, value: observation.value, threshold: rule.threshold });
    }
    if (notify) changes.notices.push({ instanceKey, kind: notify, prev, next, observation });
  }
  return changes;
}
