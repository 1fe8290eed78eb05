// The rows of an endpoints table: per-endpoint stats for the view plus a failures sparkline
// for each, read with one bucket query for all rows.
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import type { Database } from '@/lib/db/client';
import { getFailuresByBucket } from '@/lib/db/queries/get-failures-by-bucket';
import { type EndpointStats, type ListStatsOptions, listEndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import { alignFailureSparklines } from './align-failure-sparklines';

export interface StatsRow<T> {
  stats: T;
  /** Failed calls per chart bucket; null where there were no calls. */
  failures: (number | null)[];
}

export async function loadEndpointRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<EndpointStats>[]> {
  const filter = viewRollupFilter(view);
  const stats = await listEndpointStats(db, filter, options);
  const ids = stats.map((s) => s.endpointId);
  const buckets = await getFailuresByBucket(db, filter, 'endpoint', ids, view.stepSeconds / 60);
  const sparklines = alignFailureSparklines(buckets, ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.endpointId) ?? [] }));
}
