// The endpoints (method, host, route) with the given ids; unknown ids are left out.
import type { Database } from '../client';
import { chunk } from '../sql-dialect';
import type { EndpointRecord } from './get-endpoint';

// Well below both databases' bound-parameter limits.
const idsPerQuery = 1000;

export async function listEndpointsByIds(db: Database, ids: readonly string[]): Promise<EndpointRecord[]> {
  const out: EndpointRecord[] = [];
  for (const part of chunk([...new Set(ids)], idsPerQuery)) {
    const rows = await db.prisma.endpoint.findMany({ where: { id: { in: part } } });
    for (const row of rows) {
      out.push({
        id: row.id,
        method: row.method,
        host: row.host,
        route: row.route,
        firstSeenMs: Number(row.firstSeenMs),
        lastSeenMs: Number(row.lastSeenMs),
      });
    }
  }
  return out;
}
