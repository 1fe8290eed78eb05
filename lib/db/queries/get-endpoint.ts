// One endpoint (method + host + route template) by id, with when it was first and last called.
import type { Database } from '../client';

export interface EndpointRecord {
  id: string;
  method: string;
  host: string;
  route: string;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** The endpoint, or null when no call to it was ever stored. */
export async function getEndpoint(db: Database, id: string): Promise<EndpointRecord | null> {
  const row = await db.prisma.endpoint.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    method: row.method,
    host: row.host,
    route: row.route,
    firstSeenMs: Number(row.firstSeenMs),
    lastSeenMs: Number(row.lastSeenMs),
  };
}
