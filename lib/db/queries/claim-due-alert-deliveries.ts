// Claims notifications that are due for an attempt: counts the attempt and moves the next one
// out of reach in the same statement, so two processes never send the same attempt, and a
// process that dies mid-send leaves a delivery that is retried once the claim lapses.
import type { NotificationKind } from '@/lib/alerts/alert-state';
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

export interface ClaimedAlertDelivery {
  id: number;
  ruleId: string;
  instanceKey: string;
  episode: number;
  kind: NotificationKind;
  target: string;
  payload: string;
  /** Attempts including this one. */
  attempts: number;
}

export interface DeliveryClaim {
  nowMs: number;
  /** How long the claim keeps others (and later rounds) off the delivery. */
  holdMs: number;
  limit: number;
}

export async function claimDueAlertDeliveries(db: Database, claim: DeliveryClaim): Promise<ClaimedAlertDelivery[]> {
  // The outer WHERE repeats the due condition: on PostgreSQL a concurrent claimer that picked the
  // same ids in its subquery re-checks the row after the first one's update and skips it.
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    UPDATE alert_deliveries SET attempts = attempts + 1, next_attempt_ms = ${claim.nowMs + claim.holdMs}, updated_ms = ${claim.nowMs}
    WHERE id IN (
      SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_ms <= ${claim.nowMs}
      ORDER BY next_attempt_ms, id LIMIT ${claim.limit}
    ) AND status = 'pending' AND next_attempt_ms <= ${claim.nowMs}
    RETURNING id, rule_id, instance_key, episode, kind, target, payload, attempts`;
  return rows
    .map((r) => ({
      id: toNumber(r.id),
      ruleId: String(r.rule_id),
      instanceKey: String(r.instance_key),
      episode: toNumber(r.episode),
      kind: String(r.kind) as NotificationKind,
      target: String(r.target),
      payload: String(r.payload),
      attempts: toNumber(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}
