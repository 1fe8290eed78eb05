// The data of the /endpoints/[id] page for a view: the endpoint's detail plus its status
// timeline over the statuses that actually occurred.
import type { Database } from '@/lib/db/client';
import { getApiKey } from '@/lib/db/queries/get-api-key';
import type { StatusSeries } from '@/lib/series/build-status-series';
import { getStatusSeries } from '@/lib/series/get-status-series';
import { type DashboardView, viewRollupFilter } from '../dashboard-view';
import { keyDisplayName } from '../key-display-name';
import { chooseEndpointChartCodes } from './choose-endpoint-chart-codes';
import { type EndpointDetail, getEndpointDetail } from './get-endpoint-detail';

export interface EndpointPageData {
  detail: EndpointDetail;
  series: StatusSeries[];
  initialCodes: string[];
  /** The label of a key filter in the view, for the view bar's chip. */
  pinnedLabels: { key?: string };
}

/** null when the endpoint was never seen. */
export async function loadEndpointPage(db: Database, view: DashboardView, id: string): Promise<EndpointPageData | null> {
  const filter = viewRollupFilter(view, { pin: { endpoint: id } });
  const detail = await getEndpointDetail(db, id, filter);
  if (!detail) return null;
  const { codes, initialCodes } = chooseEndpointChartCodes(detail.byStatus);
  const keyFilter = view.filters.key;
  const [series, key] = await Promise.all([
    getStatusSeries(db, filter, { codes, step: view.stepSeconds, fromMs: view.fromMs, toMs: view.toMs }),
    keyFilter ? getApiKey(db, keyFilter) : null,
  ]);
  return { detail, series, initialCodes, pinnedLabels: key ? { key: keyDisplayName(key) } : {} };
}
