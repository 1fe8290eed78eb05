// The data behind the first page: ingest counters and the last hour's status mix.
import { getDatabase } from '@/lib/db/client';
import { getIngestStats, type IngestStats } from '@/lib/db/queries/get-ingest-stats';
import { getSummary, type Summary } from '@/lib/db/queries/get-summary';

export interface StatusRow {
  status: string;
  statusClass: string;
  count: number;
  share: number;
}

export interface IngestOverview {
  stats: IngestStats;
  summary: Summary;
  statusRows: StatusRow[];
}

export function toStatusRows(summary: Summary): StatusRow[] {
  return Object.entries(summary.byStatus)
    .map(([status, count]) => ({
      status,
      statusClass: status === 'network' ? 'network' : `${status[0]}xx`,
      count,
      share: summary.total === 0 ? 0 : count / summary.total,
    }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
}

export async function getIngestOverview(nowMs = Date.now()): Promise<IngestOverview> {
  const db = getDatabase();
  const filter = { fromMinute: Math.floor((nowMs - 3_600_000) / 60_000), toMinute: Math.ceil(nowMs / 60_000) };
  const [stats, summary] = await Promise.all([getIngestStats(db), getSummary(db, filter)]);
  return { stats, summary, statusRows: toStatusRows(summary) };
}
