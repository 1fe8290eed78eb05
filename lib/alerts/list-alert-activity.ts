// What the alert pages and GET /api/v1/alerts read: the instances and their states (firing
// first), and per rule its history of state changes and its delivery log, with ISO times, the
// rule's name and a readable name for each instance.
import type { Database } from '@/lib/db/client';
import type { AlertInstanceNames } from '@/lib/db/queries/alert-instance-names';
import { listAlertDeliveryRows } from '@/lib/db/queries/list-alert-deliveries';
import { listAlertEventRows } from '@/lib/db/queries/list-alert-events';
import { listAlertInstanceRows } from '@/lib/db/queries/list-alert-instances';
import { type AlertInstanceKind, alertInstanceKind, alertInstanceLabel, scopeOfDefinition } from './alert-instance-label';
import type { AlertStateName } from './alert-state';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface InstanceNaming {
  ruleId: string;
  ruleName: string;
  /** '' for the rule's whole scope, else the key fingerprint or endpoint id. */
  instanceKey: string;
  instanceKind: AlertInstanceKind;
  instanceLabel: string;
}

export interface AlertInstanceView extends InstanceNaming {
  state: AlertStateName;
  episode: number;
  /** The metric over the window at the last evaluation; null without calls. */
  value: number | null;
  requests: number | null;
  /** When the current state began: firing, pending or resolved time; null for ok and no_data. */
  since: string | null;
  pendingSince: string | null;
  firingSince: string | null;
  resolvedAt: string | null;
  lastNotifiedAt: string | null;
  lastEvaluatedAt: string;
}

export interface AlertEventView extends InstanceNaming {
  id: number;
  at: string;
  fromState: string;
  toState: string;
  value: number | null;
  threshold: number;
}

export interface AlertDeliveryView extends InstanceNaming {
  id: number;
  episode: number;
  /** firing | resolved | renotify */
  kind: string;
  /** The channel type and URL without query string or credentials. */
  target: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertInstanceFilter {
  ruleId?: string;
  /** Only instances in these states (e.g. ['firing'] for the overview). */
  states?: readonly AlertStateName[];
  /** At most this many (default 1000). */
  limit?: number;
}

function naming(row: AlertInstanceNames & { ruleId: string; instanceKey: string }): InstanceNaming {
  const scope = scopeOfDefinition(row.ruleDefinition);
  return {
    ruleId: row.ruleId,
    ruleName: row.ruleName,
    instanceKey: row.instanceKey,
    instanceKind: alertInstanceKind(scope),
    instanceLabel: alertInstanceLabel(scope, row.instanceKey, row),
  };
}

export async function listAlertInstances(db: Database, filter: AlertInstanceFilter = {}): Promise<AlertInstanceView[]> {
  const rows = await listAlertInstanceRows(db, { ruleId: filter.ruleId, states: filter.states, limit: filter.limit ?? 1000 });
  return rows.map((row) => {
    const s = row.state;
    const since = s.state === 'firing' ? s.firingSinceMs : s.state === 'pending' ? s.pendingSinceMs : s.state === 'resolved' ? s.resolvedAtMs : null;
    return {
      ...naming(row),
      state: s.state,
      episode: s.episode,
      value: row.lastValue,
      requests: row.lastRequests,
      since: iso(since),
      pendingSince: iso(s.pendingSinceMs),
      firingSince: iso(s.firingSinceMs),
      resolvedAt: iso(s.resolvedAtMs),
      lastNotifiedAt: iso(s.lastNotifiedMs),
      lastEvaluatedAt: new Date(row.lastEvaluatedMs).toISOString(),
    };
  });
}

export async function listAlertEvents(db: Database, ruleId: string, limit: number): Promise<AlertEventView[]> {
  const rows = await listAlertEventRows(db, ruleId, limit);
  return rows.map((row) => ({
    ...naming(row),
    id: row.id,
    at: new Date(row.atMs).toISOString(),
    fromState: row.fromState,
    toState: row.toState,
    value: row.value,
    threshold: row.threshold,
  }));
}

export async function listAlertDeliveries(db: Database, ruleId: string, limit: number): Promise<AlertDeliveryView[]> {
  const rows = await listAlertDeliveryRows(db, ruleId, limit);
  return rows.map((row) => ({
    ...naming(row),
    id: row.id,
    episode: row.episode,
    kind: row.kind,
    target: row.target,
    status: row.status,
    attempts: row.attempts,
    lastHttpStatus: row.lastHttpStatus,
    lastError: row.lastError,
    nextAttemptAt: iso(row.nextAttemptMs),
    createdAt: new Date(row.createdMs).toISOString(),
    updatedAt: new Date(row.updatedMs).toISOString(),
  }));
}
