// Everything known about one endpoint over a range, from the rollups: totals, statuses,
// ranked error keys, the API keys that called it, latency. Feeds the page and the API.
import type { Database } from '@/lib/db/client';
import { type EndpointRecord, getEndpoint } from '@/lib/db/queries/get-endpoint';
import { getLatencyHistogram } from '@/lib/db/queries/get-latency-histogram';
import { getSummary } from '@/lib/db/queries/get-summary';
import { type KeyStats, listKeyStats } from '@/lib/db/queries/list-key-stats';
import { type RankedErrorKey, rankErrorKeys } from '@/lib/db/queries/rank-error-keys';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { countFailures } from '../count-failures';
import { type LatencySummary, summarizeLatency } from './summarize-latency';

export interface EndpointDetail {
  endpoint: EndpointRecord;
  total: number;
  errors: number;
  /** Status code (or "network") → calls. */
  byStatus: Record<string, number>;
  errorKeys: RankedErrorKey[];
  keys: KeyStats[];
  latency: LatencySummary;
}

export const endpointDetailLimits = { errorKeys: 100, keys: 100 } as const;

/** null when the endpoint was never seen. The filter's own endpoint, if any, is replaced by `id`. */
export async function getEndpointDetail(db: Database, id: string, filter: RollupFilter): Promise<EndpointDetail | null> {
  const endpoint = await getEndpoint(db, id);
  if (!endpoint) return null;
  const pinned: RollupFilter = { ...filter, endpoint: id };
  const [summary, errorKeys, keys, histogram] = await Promise.all([
    getSummary(db, pinned),
    rankErrorKeys(db, pinned, { limit: endpointDetailLimits.errorKeys }),
    listKeyStats(db, pinned, { order: 'errors', limit: endpointDetailLimits.keys }),
    getLatencyHistogram(db, pinned),
  ]);
  return {
    endpoint,
    total: summary.total,
    errors: countFailures(summary.byStatus),
    byStatus: summary.byStatus,
    errorKeys,
    keys,
    latency: summarizeLatency(histogram),
  };
}
