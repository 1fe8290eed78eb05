// Every stored alert rule, oldest first, so the list keeps its order as rules are edited.
import type { Database } from '../client';
import { type AlertRuleRecord, toAlertRuleRecord } from './get-alert-rule';

export async function listAlertRules(db: Database): Promise<AlertRuleRecord[]> {
  const rows = await db.prisma.alertRule.findMany({ orderBy: [{ createdMs: 'asc' }, { id: 'asc' }] });
  return rows.map(toAlertRuleRecord);
}
