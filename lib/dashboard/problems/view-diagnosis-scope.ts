// The diagnosis scope of a dashboard view: its range and filters, with the page's own endpoint
// or key pinned over them (as viewRollupFilter does for the rollups).
import type { DashboardFilters, DashboardView } from '@/lib/dashboard/dashboard-view';
import type { DiagnosisScope } from '@/lib/diagnose/diagnosis-evidence';

export type ViewDiagnosisScope = DiagnosisScope;

export function viewDiagnosisScope(view: DashboardView, pin: Pick<DashboardFilters, 'endpoint' | 'key'> = {}): ViewDiagnosisScope {
  const scope: ViewDiagnosisScope = { fromMs: view.fromMs, toMs: view.toMs };
  const filters = { ...view.filters, ...pin };
  if (filters.service !== undefined) scope.service = filters.service;
  if (filters.environment !== undefined) scope.environment = filters.environment;
  if (filters.endpoint !== undefined) scope.endpoint = filters.endpoint;
  if (filters.key !== undefined) scope.key = filters.key;
  return scope;
}
