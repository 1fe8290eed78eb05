// Alert rules: list, read, create, replace and delete, with validation through the one schema.
// The stored definition is the schema's output; enabled and mutedUntil are mirrored in their
// own columns (the evaluator reads them), and those columns win when the two disagree.
import { randomUUID } from 'node:crypto';
import type { Database } from '@/lib/db/client';
import { deleteAlertRule as deleteAlertRuleRow } from '@/lib/db/queries/delete-alert-rule';
import { type AlertRuleRecord, getAlertRule as getAlertRuleRecord } from '@/lib/db/queries/get-alert-rule';
import { insertAlertRule } from '@/lib/db/queries/insert-alert-rule';
import { listAlertRules as listAlertRuleRecords } from '@/lib/db/queries/list-alert-rules';
import { updateAlertRule as updateAlertRuleRow } from '@/lib/db/queries/update-alert-rule';
import { type FieldErrors, alertRuleFieldErrors } from './alert-rule-field-errors';
import { type AlertRule, type AlertRuleDefinition, alertRuleRequestSchema } from './schemas/alert-rule-request-schema';

export type AlertRuleInvalid = { ok: false; fieldErrors: FieldErrors };
export type CreateAlertRuleResult = { ok: true; rule: AlertRule } | AlertRuleInvalid;
export type UpdateAlertRuleResult = CreateAlertRuleResult | { ok: false; notFound: true };

export async function listAlertRules(db: Database): Promise<AlertRule[]> {
  return (await listAlertRuleRecords(db)).map(toAlertRule);
}

export async function getAlertRule(db: Database, id: string): Promise<AlertRule | null> {
  const record = await getAlertRuleRecord(db, id);
  return record ? toAlertRule(record) : null;
}

export async function createAlertRule(db: Database, input: unknown, nowMs = Date.now()): Promise<CreateAlertRuleResult> {
  const parsed = validate(input);
  if (!parsed.ok) return parsed;
  const record: AlertRuleRecord = { id: randomUUID(), ...columnsOf(parsed.definition), createdMs: nowMs, updatedMs: nowMs };
  await insertAlertRule(db, record);
  return { ok: true, rule: toAlertRule(record) };
}

/** Replaces the whole definition (PUT semantics): fields left out take their defaults. */
export async function updateAlertRule(db: Database, id: string, input: unknown, nowMs = Date.now()): Promise<UpdateAlertRuleResult> {
  const parsed = validate(input);
  if (!parsed.ok) return parsed;
  const record = await updateAlertRuleRow(db, id, { ...columnsOf(parsed.definition), updatedMs: nowMs });
  return record ? { ok: true, rule: toAlertRule(record) } : { ok: false, notFound: true };
}

/** Deletes the rule with its instances, history and delivery log; false when there was no such rule. */
export async function deleteAlertRule(db: Database, id: string): Promise<boolean> {
  return deleteAlertRuleRow(db, id);
}

function validate(input: unknown): { ok: true; definition: AlertRuleDefinition } | AlertRuleInvalid {
  const parsed = alertRuleRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: alertRuleFieldErrors(parsed.error, input) };
  const definition = parsed.data;
  // One spelling of the mute time (UTC), so the column and the definition read back the same.
  if (definition.mutedUntil) definition.mutedUntil = new Date(definition.mutedUntil).toISOString();
  return { ok: true, definition };
}

function columnsOf(definition: AlertRuleDefinition): Pick<AlertRuleRecord, 'name' | 'definition' | 'enabled' | 'mutedUntilMs'> {
  return {
    name: definition.name,
    definition: JSON.stringify(definition),
    enabled: definition.enabled,
    mutedUntilMs: definition.mutedUntil ? Date.parse(definition.mutedUntil) : null,
  };
}

function toAlertRule(record: AlertRuleRecord): AlertRule {
  // Written by this module from the schema's output, so it has that shape.
  const definition = JSON.parse(record.definition) as AlertRuleDefinition;
  const mutedUntil = record.mutedUntilMs === null ? null : new Date(record.mutedUntilMs).toISOString();
  return {
    id: record.id,
    ...definition,
    name: record.name,
    enabled: record.enabled,
    ...(mutedUntil !== null || definition.mutedUntil !== undefined ? { mutedUntil } : {}),
    createdAt: new Date(record.createdMs).toISOString(),
    updatedAt: new Date(record.updatedMs).toISOString(),
  };
}
