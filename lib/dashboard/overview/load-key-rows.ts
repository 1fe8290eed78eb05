// The rows of an API-keys table: per-key stats for the view plus a failures sparkline for
// each, read in one pass over the rollups (listKeyStatsWithFailures).
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import type { Database } from '@/lib/db/client';
import type { ListStatsOptions } from '@/lib/db/queries/list-endpoint-stats';
import type { KeyStats } from '@/lib/db/queries/list-key-stats';
import { listKeyStatsWithFailures } from '@/lib/db/queries/list-stats-with-failures';
import { alignFailureSparklines } from './align-failure-sparklines';
import type { StatsRow } from './load-endpoint-rows';

export async function loadKeyRows(db: Database, view: DashboardView, options: ListStatsOptions): Promise<StatsRow<KeyStats>[]> {
  const { stats, buckets } = await listKeyStatsWithFailures(db, viewRollupFilter(view), options, view.stepSeconds / 60);
  const ids = stats.map((s) => s.fingerprint);
  const sparklines = alignFailureSparklines(buckets, ids, view);
  return stats.map((s) => ({ stats: s, failures: sparklines.get(s.fingerprint) ?? [] }));
}
