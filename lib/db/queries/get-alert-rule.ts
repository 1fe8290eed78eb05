// One stored alert rule row by id: its definition as stored (JSON text) and the columns
// mirrored from it for the evaluator (enabled, muted until).
import type { Database } from '../client';

export interface AlertRuleRecord {
  id: string;
  name: string;
  /** The validated definition as JSON text (alert-rule-request-schema's output). */
  definition: string;
  enabled: boolean;
  mutedUntilMs: number | null;
  createdMs: number;
  updatedMs: number;
}

/** Maps a Prisma `AlertRule` row (BigInt times) to plain numbers. */
export function toAlertRuleRecord(row: {
  id: string;
  name: string;
  definition: string;
  enabled: boolean;
  mutedUntilMs: bigint | null;
  createdMs: bigint;
  updatedMs: bigint;
}): AlertRuleRecord {
  return {
    id: row.id,
    name: row.name,
    definition: row.definition,
    enabled: row.enabled,
    mutedUntilMs: row.mutedUntilMs === null ? null : Number(row.mutedUntilMs),
    createdMs: Number(row.createdMs),
    updatedMs: Number(row.updatedMs),
  };
}

/** The rule, or null when no rule has this id. */
export async function getAlertRule(db: Database, id: string): Promise<AlertRuleRecord | null> {
  const row = await db.prisma.alertRule.findUnique({ where: { id } });
  return row ? toAlertRuleRecord(row) : null;
}
