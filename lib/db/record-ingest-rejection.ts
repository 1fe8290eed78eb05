// Remembers why spans or whole export requests were refused, so a user can see it in
// /api/v1/ingest/stats instead of reading server logs. Only the newest reasons are kept.
import { epochMinute } from '@/lib/rollup/rollup-minutes';
import type { Database } from './client';
import { addIngestCounts, noIngestCounts } from './save-request-batch';

const keptRejections = 100;

export interface Rejection {
  reason: string;
  /** Spans dropped; 0 when the whole request was refused before its spans could be read. */
  spans: number;
  /** True when the whole export request was refused (4xx), false for a partial success. */
  wholeRequest: boolean;
}

export async function recordIngestRejection(db: Database, rejection: Rejection, atMs = Date.now()): Promise<void> {
  const reason = rejection.reason.slice(0, 1_000);
  await db.prisma.$transaction(async (tx) => {
    const row = await tx.ingestRejection.create({ data: { atMs: BigInt(atMs), reason, spans: rejection.spans }, select: { id: true } });
    await tx.ingestRejection.deleteMany({ where: { id: { lte: row.id - keptRejections } } });
    if (rejection.wholeRequest) await addIngestCounts(tx, epochMinute(atMs), { ...noIngestCounts, refusedRequests: 1 });
  });
}
