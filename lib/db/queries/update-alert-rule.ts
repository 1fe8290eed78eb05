// Replaces an alert rule's definition and its mirrored columns; its id and creation time stay.
import type { Database } from '../client';
import { type AlertRuleRecord, getAlertRule } from './get-alert-rule';

export type AlertRuleChanges = Pick<AlertRuleRecord, 'name' | 'definition' | 'enabled' | 'mutedUntilMs' | 'updatedMs'>;

/** The updated rule, or null when no rule has this id. */
export async function updateAlertRule(db: Database, id: string, changes: AlertRuleChanges): Promise<AlertRuleRecord | null> {
  // updateMany: an unknown id is a count of 0, not an exception to tell apart from real failures.
  const { count } = await db.prisma.alertRule.updateMany({
    where: { id },
    data: {
      name: changes.name,
      definition: changes.definition,
      enabled: changes.enabled,
      mutedUntilMs: changes.mutedUntilMs === null ? null : BigInt(changes.mutedUntilMs),
      updatedMs: BigInt(changes.updatedMs),
    },
  });
  return count === 0 ? null : getAlertRule(db, id);
}
