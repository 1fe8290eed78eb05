// The data of the /keys/[fingerprint] page for a view: the key's detail plus its
// 401/403/429 timeline.
import type { Database } from '@/lib/db/client';
import { getEndpoint } from '@/lib/db/queries/get-endpoint';
import type { StatusSeries } from '@/lib/series/build-status-series';
import { getStatusSeries } from '@/lib/series/get-status-series';
import { type DashboardView, viewRollupFilter } from '../dashboard-view';
import { getKeyDetail, type KeyDetail } from './get-key-detail';
import { keyChartCodes } from './key-chart-codes';

export interface KeyPageData {
  detail: KeyDetail;
  series: StatusSeries[];
  /** The label of an endpoint filter in the view, for the view bar's chip. */
  pinnedLabels: { endpoint?: string };
}

/** null when the fingerprint was never seen. */
export async function loadKeyPage(db: Database, view: DashboardView, fingerprint: string): Promise<KeyPageData | null> {
  const filter = viewRollupFilter(view, { pin: { key: fingerprint } });
  const endpointFilter = view.filters.endpoint;
  const [detail, series, endpoint] = await Promise.all([
    getKeyDetail(db, fingerprint, filter),
    getStatusSeries(db, filter, { codes: [...keyChartCodes], step: view.stepSeconds, fromMs: view.fromMs, toMs: view.toMs }),
    endpointFilter ? getEndpoint(db, endpointFilter) : null,
  ]);
  if (!detail) return null;
  return {
    detail,
    series,
    pinnedLabels: endpoint ? { endpoint: `${endpoint.method} ${endpoint.host}${endpoint.route}` } : {},
  };
}
