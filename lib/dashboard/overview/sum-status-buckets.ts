// Totals by status over a whole range, summed from the per-bucket counts the status chart
// already read, so the overview needs no second pass over the rollups for its tiles.
import type { StatusBucketCount } from '@/lib/db/queries/get-status-counts-by-bucket';
import type { StatusTotals } from '@/lib/db/queries/get-status-totals';

export function sumStatusBuckets(rows: readonly StatusBucketCount[]): StatusTotals {
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const status = row.statusCode === 0 ? 'network' : String(row.statusCode);
    byStatus[status] = (byStatus[status] ?? 0) + row.count;
    total += row.count;
  }
  return { total, byStatus };
}
