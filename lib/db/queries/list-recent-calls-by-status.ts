// The most recent calls of each given status in a range, up to a quota per status, so a flood of
// one status never crowds another out of the sample. Reads the (status_code, start_ms) index.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { chunk } from '../sql-dialect';
import { type CallRange, type CallSample, callRangeSql, callSampleColumns, maxUnionTerms, toCallSample } from './call-sample';

export interface StatusQuota {
  statusCode: number;
  limit: number;
}

export async function listRecentCallsByStatus(db: Database, range: CallRange, quotas: readonly StatusQuota[]): Promise<CallSample[]> {
  const out: CallSample[] = [];
  for (const part of chunk([...quotas], maxUnionTerms)) {
    const terms = part.map(
      (q) => Prisma.sql`SELECT * FROM (
        SELECT ${callSampleColumns} FROM requests r
        WHERE r.status_code = ${q.statusCode}${callRangeSql(range)}
        ORDER BY r.start_ms DESC, r.id DESC LIMIT ${q.limit}) s`,
    );
    const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.join(terms, ' UNION ALL '));
    for (const row of rows) out.push(toCallSample(row));
  }
  return out;
}
