// Everything known about one API key fingerprint over a range, from the rollups: its label,
// totals, statuses, the endpoints it called and the services that used it. Feeds the page and the API.
import type { Database } from '@/lib/db/client';
import { type ApiKeyRecord, getApiKey } from '@/lib/db/queries/get-api-key';
import { getSummary } from '@/lib/db/queries/get-summary';
import { type EndpointStats, listEndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import { listKeyServices, type ServiceUsage } from '@/lib/db/queries/list-key-services';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { countFailures } from '../count-failures';

export interface KeyDetail {
  key: ApiKeyRecord;
  total: number;
  errors: number;
  /** Status code (or "network") → calls. */
  byStatus: Record<string, number>;
  endpoints: EndpointStats[];
  services: ServiceUsage[];
}

export const keyDetailLimits = { endpoints: 100, services: 50 } as const;

/** null when the fingerprint was never seen. The filter's own key, if any, is replaced by `fingerprint`. */
export async function getKeyDetail(db: Database, fingerprint: string, filter: RollupFilter): Promise<KeyDetail | null> {
  const key = await getApiKey(db, fingerprint);
  if (!key) return null;
  const pinned: RollupFilter = { ...filter, key: fingerprint };
  const [summary, endpoints, services] = await Promise.all([
    getSummary(db, pinned),
    listEndpointStats(db, pinned, { order: 'errors', limit: keyDetailLimits.endpoints }),
    listKeyServices(db, pinned, { limit: keyDetailLimits.services }),
  ]);
  return { key, total: summary.total, errors: countFailures(summary.byStatus), byStatus: summary.byStatus, endpoints, services };
}
