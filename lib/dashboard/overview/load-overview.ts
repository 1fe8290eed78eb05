// Everything the overview page shows for a view, read from the rollups only (request_minutes,
// ingest_minutes) with the independent queries in flight together.
import { type DashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import type { Database } from '@/lib/db/client';
import { getIngestStats, type IngestStats } from '@/lib/db/queries/get-ingest-stats';
import { getStatusCountsByBucket } from '@/lib/db/queries/get-status-counts-by-bucket';
import { getStatusTotals } from '@/lib/db/queries/get-status-totals';
import type { EndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import type { KeyStats } from '@/lib/db/queries/list-key-stats';
import { buildStatusSeries, type StatusSeries } from '@/lib/series/build-status-series';
import { compareKpis, type Kpi, previousPeriodLabel } from './compare-kpis';
import { getSetupInfo, type SetupInfo } from './get-setup-info';
import { loadEndpointRows, type StatsRow } from './load-endpoint-rows';
import { loadKeyRows } from './load-key-rows';
import { prepareStatusBreakdown, type StatusRow } from './prepare-status-breakdown';
import { sumStatusBuckets } from './sum-status-buckets';

/** The chart's series: the three headline statuses first, then the ones a user may toggle on. */
export const overviewChartCodes = ['401', '403', '429', '404', '406', '409', '422', '5xx', 'network', '2xx'];
export const overviewInitialCodes = ['401', '403', '429'];
const topRows = 10;

export interface OverviewData {
  ingest: IngestStats;
  /** Calls in the view's range (0: the page says so and suggests a longer range). */
  callsInRange: number;
  kpis: Kpi[];
  series: StatusSeries[];
  breakdown: StatusRow[];
  failingEndpoints: StatsRow<EndpointStats>[];
  failingKeys: StatsRow<KeyStats>[];
  /** Set only when nothing was ever stored: the page shows the setup panel instead. */
  setup: SetupInfo | null;
}

export async function loadOverview(db: Database, view: DashboardView): Promise<OverviewData> {
  const filter = viewRollupFilter(view);
  const top = { order: 'errors', limit: topRows, failingOnly: true } as const;
  const [ingest, buckets, previous, failingEndpoints, failingKeys] = await Promise.all([
    getIngestStats(db),
    getStatusCountsByBucket(db, filter, view.stepSeconds / 60),
    getStatusTotals(db, viewRollupFilter(view, { previous: true })),
    loadEndpointRows(db, view, top),
    loadKeyRows(db, view, top),
  ]);
  const current = sumStatusBuckets(buckets);
  return {
    ingest,
    callsInRange: current.total,
    kpis: compareKpis(current, previous, previousPeriodLabel(view.range)),
    series: buildStatusSeries(buckets, overviewChartCodes, view.fromMs, view.toMs, view.stepSeconds),
    breakdown: prepareStatusBreakdown(current),
    failingEndpoints,
    failingKeys,
    setup: ingest.stored === 0 ? await getSetupInfo(db) : null,
  };
}
