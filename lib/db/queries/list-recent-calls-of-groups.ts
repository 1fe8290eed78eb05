// The most recent calls of each given group (service, key, endpoint, status), each searched only
// within a window known to hold its last calls, so groups a busier status crowded out of the
// main sample still get examples without a scan of the whole range.
import type { Database } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { chunk } from '../sql-dialect';
import { type CallSample, callSampleColumns, maxUnionTerms, toCallSample } from './call-sample';

export interface CallGroupWindow {
  service: string;
  environment: string;
  key: string;
  endpointId: string;
  statusCode: number;
  fromMs: number;
  toMs: number;
}

export async function listRecentCallsOfGroups(
  db: Database,
  groups: readonly CallGroupWindow[],
  limitPerGroup: number,
): Promise<CallSample[]> {
  const out: CallSample[] = [];
  for (const part of chunk([...groups], maxUnionTerms)) {
    const terms = part.map(
      (g) => Prisma.sql`SELECT * FROM (
        SELECT ${callSampleColumns} FROM requests r
        WHERE r.endpoint_id = ${g.endpointId} AND r.start_ms >= ${g.fromMs} AND r.start_ms < ${g.toMs}
          AND r.status_code = ${g.statusCode} AND r.api_key_fingerprint = ${g.key}
          AND r.service = ${g.service} AND r.environment = ${g.environment}
        ORDER BY r.start_ms DESC, r.id DESC LIMIT ${limitPerGroup}) s`,
    );
    const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.join(terms, ' UNION ALL '));
    for (const row of rows) out.push(toCallSample(row));
  }
  return out;
}
