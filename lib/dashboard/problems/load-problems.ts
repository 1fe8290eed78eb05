// The findings of a dashboard view (optionally pinned to one endpoint or key), with the labels of
// the endpoints their cards name. Pages start it alongside their other queries.
import type { Database } from '@/lib/db/client';
import { listEndpointsByIds } from '@/lib/db/queries/list-endpoints-by-ids';
import type { Finding } from '@/lib/diagnose/finding';
import { runDiagnosis } from '@/lib/diagnose/run-diagnosis';
import type { DashboardFilters, DashboardView } from '../dashboard-view';
import { scopeEndpointIds } from './prepare-finding-card';
import { viewDiagnosisScope } from './view-diagnosis-scope';

export interface ProblemsData {
  /** Most important first, as the engine orders them. */
  findings: Finding[];
  /** "METHOD host/route" by endpoint id, for findings about several endpoints. */
  endpointLabels: Record<string, string>;
}

export async function loadProblems(db: Database, view: DashboardView, pin: Pick<DashboardFilters, 'endpoint' | 'key'> = {}): Promise<ProblemsData> {
  const findings = await runDiagnosis(db, viewDiagnosisScope(view, pin));
  const ids = findings.flatMap(scopeEndpointIds);
  const endpoints = ids.length > 0 ? await listEndpointsByIds(db, ids) : [];
  const endpointLabels: Record<string, string> = {};
  for (const e of endpoints) endpointLabels[e.id] = `${e.method} ${e.host}${e.route}`;
  return { findings, endpointLabels };
}
