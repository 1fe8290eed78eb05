// Ingest counters since the database was created, and why recent spans were refused.
import type { Database } from '../client';
import { toNumber } from '../sql-dialect';

export interface IngestStats {
  received: number;
  stored: number;
  duplicates: number;
  ignored: number;
  rejected: number;
  refusedRequests: number;
  /** ISO time of the newest minute with any ingest activity, or null. */
  lastActivityAt: string | null;
  lastRejections: { at: string; reason: string; spans: number }[];
}

export async function getIngestStats(db: Database, rejectionLimit = 10): Promise<IngestStats> {
  const [sums, rejections] = await Promise.all([
    db.prisma.$queryRaw<Record<string, unknown>[]>`
      SELECT SUM(received) AS received, SUM(stored) AS stored, SUM(duplicates) AS duplicates,
             SUM(ignored) AS ignored, SUM(rejected) AS rejected, SUM(refused_requests) AS refused, MAX(minute) AS last_minute
      FROM ingest_minutes`,
    db.prisma.ingestRejection.findMany({ orderBy: { id: 'desc' }, take: rejectionLimit }),
  ]);
  const s = sums[0] ?? {};
  return {
    received: toNumber(s.received),
    stored: toNumber(s.stored),
    duplicates: toNumber(s.duplicates),
    ignored: toNumber(s.ignored),
    rejected: toNumber(s.rejected),
    refusedRequests: toNumber(s.refused),
    lastActivityAt: s.last_minute == null ? null : new Date(toNumber(s.last_minute) * 60_000).toISOString(),
    lastRejections: rejections.map((r) => ({ at: new Date(Number(r.atMs)).toISOString(), reason: r.reason, spans: r.spans })),
  };
}
