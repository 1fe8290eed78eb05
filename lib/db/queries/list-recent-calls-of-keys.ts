// The most recent calls of each given API key, of any status (optionally on some endpoints only):
// the call timing that retries and request rates are measured on. Reads the
// (api_key_fingerprint, start_ms) index.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { chunk } from '../sql-dialect';
import { type CallRange, type CallSample, callRangeSql, callSampleColumns, maxUnionTerms, toCallSample } from './call-sample';

export interface KeyQuota {
  /** '' for calls without a key. */
  key: string;
  /** Only calls to these endpoints; all of the key's calls when absent. */
  endpointIds?: readonly string[];
  limit: number;
}

export async function listRecentCallsOfKeys(db: Database, range: CallRange, quotas: readonly KeyQuota[]): Promise<CallSample[]> {
  const out: CallSample[] = [];
  for (const part of chunk([...quotas], maxUnionTerms)) {
    const terms = part.map((q) => {
      const endpoints = q.endpointIds?.length ? Prisma.sql` AND r.endpoint_id IN (${Prisma.join([...q.endpointIds])})` : Prisma.empty;
      return Prisma.sql`SELECT * FROM (
        SELECT ${callSampleColumns} FROM requests r
        WHERE r.api_key_fingerprint = ${q.key}${callRangeSql(range)}${endpoints}
        ORDER BY r.start_ms DESC, r.id DESC LIMIT ${q.limit}) s`;
    });
    const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.join(terms, ' UNION ALL '));
    for (const row of rows) out.push(toCallSample(row));
  }
  return out;
}
