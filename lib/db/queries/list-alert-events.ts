// One rule's history of state changes, newest first.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';
import { type AlertInstanceNames, alertInstanceNameColumns, alertInstanceNameJoins, toAlertInstanceNames } from './alert-instance-names';

export interface AlertEventRow extends AlertInstanceNames {
  id: number;
  ruleId: string;
  instanceKey: string;
  atMs: number;
  fromState: string;
  toState: string;
  value: number | null;
  threshold: number;
}

export async function listAlertEventRows(db: Database, ruleId: string, limit: number): Promise<AlertEventRow[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT v.id, v.rule_id, v.instance_key, v.at_ms, v.from_state, v.to_state, v.value, v.threshold, ${alertInstanceNameColumns}
    FROM alert_events v ${alertInstanceNameJoins('v')}
    WHERE v.rule_id = ${ruleId}
    ORDER BY v.at_ms DESC, v.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: toNumber(row.id),
    ruleId: String(row.rule_id),
    instanceKey: String(row.instance_key),
    atMs: toNumber(row.at_ms),
    fromState: String(row.from_state),
    toState: String(row.to_state),
    value: row.value == null ? null : toNumber(row.value),
    threshold: toNumber(row.threshold),
    ...toAlertInstanceNames(row),
  }));
}
