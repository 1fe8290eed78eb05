// The data of the /problems page: the view's findings, and how many calls (and failures) the
// diagnosis looked at, so an empty page can say what was checked.
import type { Database } from '@/lib/db/client';
import { getStatusTotals } from '@/lib/db/queries/get-status-totals';
import { countFailures } from '../count-failures';
import { type DashboardView, viewRollupFilter } from '../dashboard-view';
import { loadProblems, type ProblemsData } from './load-problems';

export interface ProblemsPageData extends ProblemsData {
  calls: number;
  failures: number;
}

export async function loadProblemsPage(db: Database, view: DashboardView): Promise<ProblemsPageData> {
  const [problems, totals] = await Promise.all([loadProblems(db, view), getStatusTotals(db, viewRollupFilter(view))]);
  return { ...problems, calls: totals.total, failures: countFailures(totals.byStatus) };
}
