// Alert instances with their rule and instance names: firing first, then pending, resolved,
// no data and ok; for GET /api/v1/alerts, /alerts and the overview's firing panel.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { type AlertInstanceNames, alertInstanceNameColumns, alertInstanceNameJoins, toAlertInstanceNames } from './alert-instance-names';
import { type StoredAlertInstance, toStoredAlertInstance } from './list-alert-instance-states';

export interface AlertInstanceRow extends StoredAlertInstance, AlertInstanceNames {
  ruleId: string;
}

export interface AlertInstanceQuery {
  ruleId?: string;
  states?: readonly string[];
  limit: number;
}

export async function listAlertInstanceRows(db: Database, query: AlertInstanceQuery): Promise<AlertInstanceRow[]> {
  const conditions: Prisma.Sql[] = [];
  if (query.ruleId !== undefined) conditions.push(Prisma.sql`i.rule_id = ${query.ruleId}`);
  if (query.states?.length) conditions.push(Prisma.sql`i.state IN (${Prisma.join(query.states)})`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT i.rule_id, i.instance_key, i.state, i.episode, i.pending_since_ms, i.firing_since_ms, i.resolved_at_ms,
           i.last_notified_ms, i.last_value, i.last_requests, i.last_evaluated_ms, ${alertInstanceNameColumns}
    FROM alert_instances i ${alertInstanceNameJoins('i')}
    ${where}
    ORDER BY CASE i.state WHEN 'firing' THEN 0 WHEN 'pending' THEN 1 WHEN 'resolved' THEN 2 WHEN 'no_data' THEN 3 ELSE 4 END,
             r.name, i.rule_id, i.instance_key
    LIMIT ${query.limit}`;
  return rows.map((row) => ({ ruleId: String(row.rule_id), ...toStoredAlertInstance(row), ...toAlertInstanceNames(row) }));
}
