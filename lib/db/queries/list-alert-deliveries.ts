// One rule's delivery log, newest first: each notification, where it went (without secrets),
// its attempts and how the last one ended. Payloads are left out; they can be large.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import { type AlertInstanceNames, alertInstanceNameColumns, alertInstanceNameJoins, toAlertInstanceNames } from './alert-instance-names';

export interface AlertDeliveryRow extends AlertInstanceNames {
  id: number;
  ruleId: string;
  instanceKey: string;
  episode: number;
  kind: string;
  target: string;
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  nextAttemptMs: number | null;
  createdMs: number;
  updatedMs: number;
}

export async function listAlertDeliveryRows(db: Database, ruleId: string, limit: number): Promise<AlertDeliveryRow[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT d.id, d.rule_id, d.instance_key, d.episode, d.kind, d.target, d.status, d.attempts, d.last_http_status, d.last_error,
           d.next_attempt_ms, d.created_ms, d.updated_ms, ${alertInstanceNameColumns}
    FROM alert_deliveries d ${alertInstanceNameJoins('d')}
    WHERE d.rule_id = ${ruleId}
    ORDER BY d.created_ms DESC, d.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: toNumber(row.id),
    ruleId: String(row.rule_id),
    instanceKey: String(row.instance_key),
    episode: toNumber(row.episode),
    kind: String(row.kind),
    target: String(row.target),
    status: String(row.status),
    attempts: toNumber(row.attempts),
    lastHttpStatus: row.last_http_status == null ? null : toNumber(row.last_http_status),
    lastError: row.last_error == null ? null : String(row.last_error),
    nextAttemptMs: row.next_attempt_ms == null ? null : toNumber(row.next_attempt_ms),
    createdMs: toNumber(row.created_ms),
    updatedMs: toNumber(row.updated_ms),
    ...toAlertInstanceNames(row),
  }));
}
