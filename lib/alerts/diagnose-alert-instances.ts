// The likely cause behind each notified instance: the diagnosis engine over the rule's window.
// The evidence is loaded once per rule (only the environment narrows the data; service, key and
// endpoint select findings), then each instance gets the top finding about it.
import type { Database } from '@/lib/db/client';
import type { DiagnosisScope } from '@/lib/diagnose/diagnosis-evidence';
import type { Finding } from '@/lib/diagnose/finding';
import { loadDiagnosisEvidence } from '@/lib/diagnose/load-diagnosis-evidence';
import { diagnose } from '@/lib/diagnose/run-diagnosis';
import { alertWindowMinutes } from './measure-alert-instances';
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';

/** The window the rule measured, as a diagnosis scope pinned to one instance. */
export function instanceDiagnosisScope(rule: Pick<AlertRuleDefinition, 'scope' | 'windowSeconds'>, instanceKey: string, nowMs: number): DiagnosisScope {
  const { fromMinute, toMinute } = alertWindowMinutes(rule.windowSeconds, nowMs);
  const { each, ...filters } = rule.scope;
  const scope: DiagnosisScope = { fromMs: fromMinute * 60_000, toMs: toMinute * 60_000, ...filters };
  if (each === 'key') scope.key = instanceKey;
  if (each === 'endpoint') scope.endpoint = instanceKey;
  return scope;
}

export async function diagnoseAlertInstances(
  db: Database,
  rule: Pick<AlertRuleDefinition, 'scope' | 'windowSeconds'>,
  instanceKeys: readonly string[],
  nowMs: number,
): Promise<Map<string, Finding | null>> {
  const out = new Map<string, Finding | null>();
  if (instanceKeys.length === 0) return out;
  const window = instanceDiagnosisScope(rule, '', nowMs);
  const evidence = await loadDiagnosisEvidence(db, { fromMs: window.fromMs, toMs: window.toMs, environment: rule.scope.environment });
  for (const key of instanceKeys) {
    out.set(key, diagnose({ ...evidence, scope: instanceDiagnosisScope(rule, key, nowMs) })[0] ?? null);
  }
  return out;
}
