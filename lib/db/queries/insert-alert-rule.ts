// Stores a new alert rule row (the id is chosen by the caller).
import type { Database } from '../client';
import type { AlertRuleRecord } from './get-alert-rule';

export async function insertAlertRule(db: Database, rule: AlertRuleRecord): Promise<void> {
  await db.prisma.alertRule.create({
    data: {
      id: rule.id,
      name: rule.name,
      definition: rule.definition,
      enabled: rule.enabled,
      mutedUntilMs: rule.mutedUntilMs === null ? null : BigInt(rule.mutedUntilMs),
      createdMs: BigInt(rule.createdMs),
      updatedMs: BigInt(rule.updatedMs),
    },
  });
}
