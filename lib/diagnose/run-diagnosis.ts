// The diagnosis of a time range: every rule over the evidence, one cause per scope, the findings
// about the requested service, key or endpoint only, surest and largest first.
import type { Database } from '@/lib/db/client';
import type { DiagnosisEvidence, DiagnosisScope } from './diagnosis-evidence';
import { diagnosisRules } from './diagnosis-rules';
import { dropExplainedFindings } from './drop-explained-findings';
import type { Finding } from './finding';
import { loadDiagnosisEvidence } from './load-diagnosis-evidence';
import { sortFindings } from './sort-findings';

function concernsScope(finding: Finding, scope: DiagnosisScope): boolean {
  if (scope.service !== undefined && finding.scope.service !== scope.service) return false;
  if (scope.key !== undefined && finding.scope.key !== scope.key) return false;
  if (scope.endpoint !== undefined && !(finding.scope.endpointIds ?? []).includes(scope.endpoint)) return false;
  return true;
}

/** The findings the evidence supports (pure; the tests call it directly). */
export function diagnose(evidence: DiagnosisEvidence): Finding[] {
  const findings = Object.values(diagnosisRules).flatMap((rule) => rule(evidence));
  // Judged over everyone's calls first, so a scope never hides the finding that explains it.
  return sortFindings(dropExplainedFindings(findings).filter((f) => concernsScope(f, evidence.scope)));
}

export async function runDiagnosis(db: Database, scope: DiagnosisScope): Promise<Finding[]> {
  return diagnose(await loadDiagnosisEvidence(db, scope));
}
