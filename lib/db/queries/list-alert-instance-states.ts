// The persisted state of every instance of one alert rule, which the runner feeds back into
// decideTransition: what lets a restarted (or another) process carry on an episode.
import type { InstanceState } from '@/lib/alerts/alert-state';
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

export interface StoredAlertInstance {
  instanceKey: string;
  state: InstanceState;
  lastValue: number | null;
  lastRequests: number | null;
  lastEvaluatedMs: number;
}

const alertStates = new Set(['ok', 'pending', 'firing', 'resolved', 'no_data']);

const optionalMs = (value: unknown): number | null => (value === null || value === undefined ? null : toNumber(value));

/** Maps an `alert_instances` row (raw SQL column names). */
export function toStoredAlertInstance(row: Record<string, unknown>): StoredAlertInstance {
  const state = String(row.state);
  return {
    instanceKey: String(row.instance_key),
    state: {
      // Written only by the runner from AlertStateName; anything else reads as the safe default.
      state: alertStates.has(state) ? (state as InstanceState['state']) : 'ok',
      episode: toNumber(row.episode),
      pendingSinceMs: optionalMs(row.pending_since_ms),
      firingSinceMs: optionalMs(row.firing_since_ms),
      resolvedAtMs: optionalMs(row.resolved_at_ms),
      lastNotifiedMs: optionalMs(row.last_notified_ms),
    },
    lastValue: row.last_value === null || row.last_value === undefined ? null : toNumber(row.last_value),
    lastRequests: optionalMs(row.last_requests),
    lastEvaluatedMs: toNumber(row.last_evaluated_ms),
  };
}

export async function listAlertInstanceStates(db: Database, ruleId: string): Promise<Map<string, StoredAlertInstance>> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT instance_key, state, episode, pending_since_ms, firing_since_ms, resolved_at_ms, last_notified_ms,
           last_value, last_requests, last_evaluated_ms
    FROM alert_instances WHERE rule_id = ${ruleId}`;
  return new Map(rows.map((row) => [String(row.instance_key), toStoredAlertInstance(row)]));
}
