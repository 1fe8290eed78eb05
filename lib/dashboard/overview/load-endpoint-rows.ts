// The rows of an endpoints table: per-endpoint stats for the view plus a failures sparkline
// for each, read in one pass over the rollups (listEndpointStatsWithFailures).
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import type { Database } from '@/lib/db/client';
import type { EndpointStats, ListStatsOptions } from '@/lib/db/queries/list-endpoint-stats';
import { listEndpointStatsWithFailures } from '@/lib/db/queries/list-stats-with-failures';
import { alignFailureSparklines } from './align-failure-sparklines';

export interface StatsRow<T> {
  stats: T;
  /** Failed calls per chart bucket; null where there were no calls. */
  failures: (number | null)[];
}

export async function loadEndpointRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<EndpointStats>[]> {
  const { stats, buckets } = await listEndpointStatsWithFailures(db, viewRollupFilter(view), options, view.stepSeconds / 60);
  const ids = stats.map((s) => s.endpointId);
  const sparklines = alignFailureSparklines(buckets, ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.endpointId) ?? [] }));
}
