// The rows of an API-keys table: per-key stats for the view plus a failures sparkline for
// each, read with one bucket query for all rows.
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import type { Database } from '@/lib/db/client';
import { getFailuresByBucket } from '@/lib/db/queries/get-failures-by-bucket';
import type { ListStatsOptions } from '@/lib/db/queries/list-endpoint-stats';
import { type KeyStats, listKeyStats } from '@/lib/db/queries/list-key-stats';
import { alignFailureSparklines } from './align-failure-sparklines';
import type { StatsRow } from './load-endpoint-rows';

export async function loadKeyRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<KeyStats>[]> {
  const filter = viewRollupFilter(view);
  const stats = await listKeyStats(db, filter, options);
  const ids = stats.map((s) => s.fingerprint);
  const buckets = await getFailuresByBucket(db, filter, 'key', ids, view.stepSeconds / 60);
  const sparklines = alignFailureSparklines(buckets, ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.fingerprint) ?? [] }));
}
