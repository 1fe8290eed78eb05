// The runner's write path for one rule and one tick, in one transaction: the instances' new
// states, the history of their state changes and the notifications to send. The transaction
// first renews the evaluator lease (the fence: a process that lost the lease writes nothing)
// and checks the rule was not edited or deleted since it was read.
import type { InstanceState, NotificationKind } from '@/lib/alerts/alert-state';
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';
import type { LeaseRequest } from './queries/acquire-lease';
import { renewLease } from './queries/renew-lease';
import { chunk, rowsPerInsert, toNumber } from './sql-dialect';
import type { Tx } from './upsert-rollups';

export interface AlertInstanceWrite {
  instanceKey: string;
  state: InstanceState;
  lastValue: number | null;
  lastRequests: number;
}

export interface AlertEventWrite {
  instanceKey: string;
  fromState: string;
  toState: string;
  value: number | null;
  threshold: number;
}

export interface AlertDeliveryWrite {
  instanceKey: string;
  episode: number;
  kind: NotificationKind;
  /** The channel's URL without query string or credentials (see list-channel-targets.ts). */
  target: string;
  /** The exact body to POST. */
  payload: string;
}

export interface AlertEvaluationWrite {
  ruleId: string;
  /** The rule's updated time as read before measuring; another value means it was edited since. */
  ruleUpdatedMs: number;
  nowMs: number;
  lease: LeaseRequest;
  instances: AlertInstanceWrite[];
  events: AlertEventWrite[];
  deliveries: AlertDeliveryWrite[];
}

/** saved; lease_lost: another process evaluates now; rule_changed: edited or deleted meanwhile (nothing written). */
export type SaveAlertEvaluationResult = 'saved' | 'lease_lost' | 'rule_changed';

export async function saveAlertEvaluation(db: Database, write: AlertEvaluationWrite): Promise<SaveAlertEvaluationResult> {
  return db.prisma.$transaction(
    async (tx) => {
      if (!(await renewLease(tx, write.lease))) return 'lease_lost';
      const rules = await tx.$queryRaw<{ updated_ms: unknown }[]>`SELECT updated_ms FROM alert_rules WHERE id = ${write.ruleId}`;
      if (rules.length === 0 || toNumber(rules[0]?.updated_ms) !== write.ruleUpdatedMs) return 'rule_changed';
      await upsertInstances(tx, write);
      await insertEvents(tx, write);
      await insertDeliveries(tx, write);
      return 'saved';
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

async function upsertInstances(tx: Tx, write: AlertEvaluationWrite): Promise<void> {
  for (const part of chunk(write.instances, rowsPerInsert(11))) {
    const values = part.map(
      ({ instanceKey, state: s, lastValue, lastRequests }) =>
        Prisma.sql`(${write.ruleId}, ${instanceKey}, ${s.state}, ${s.episode}, ${s.pendingSinceMs}, ${s.firingSinceMs}, ${s.resolvedAtMs}, ${s.lastNotifiedMs}, ${lastValue}, ${lastRequests}, ${write.nowMs})`,
    );
    await tx.$executeRaw`
      INSERT INTO alert_instances (rule_id, instance_key, state, episode, pending_since_ms, firing_since_ms, resolved_at_ms,
                                   last_notified_ms, last_value, last_requests, last_evaluated_ms)
      VALUES ${Prisma.join(values)}
      ON CONFLICT (rule_id, instance_key) DO UPDATE SET
        state = excluded.state, episode = excluded.episode, pending_since_ms = excluded.pending_since_ms,
        firing_since_ms = excluded.firing_since_ms, resolved_at_ms = excluded.resolved_at_ms,
        last_notified_ms = excluded.last_notified_ms, last_value = excluded.last_value,
        last_requests = excluded.last_requests, last_evaluated_ms = excluded.last_evaluated_ms`;
  }
}

async function insertEvents(tx: Tx, write: AlertEvaluationWrite): Promise<void> {
  for (const part of chunk(write.events, rowsPerInsert(7))) {
    const values = part.map(
      (e) => Prisma.sql`(${write.ruleId}, ${e.instanceKey}, ${write.nowMs}, ${e.fromState}, ${e.toState}, ${e.value}, ${e.threshold})`,
    );
    await tx.$executeRaw`
      INSERT INTO alert_events (rule_id, instance_key, at_ms, from_state, to_state, value, threshold) VALUES ${Prisma.join(values)}`;
  }
}

async function insertDeliveries(tx: Tx, write: AlertEvaluationWrite): Promise<void> {
  for (const part of chunk(write.deliveries, rowsPerInsert(10))) {
    const values = part.map(
      (d) =>
        Prisma.sql`(${write.ruleId}, ${d.instanceKey}, ${d.episode}, ${d.kind}, ${d.target}, ${d.payload}, 'pending', ${write.nowMs}, ${write.nowMs}, ${write.nowMs})`,
    );
    await tx.$executeRaw`
      INSERT INTO alert_deliveries (rule_id, instance_key, episode, kind, target, payload, status, next_attempt_ms, created_ms, updated_ms)
      VALUES ${Prisma.join(values)}`;
  }
}
