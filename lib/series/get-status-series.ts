// Reads the bucketed counts and shapes them into the requested status series.
import type { Database } from '@/lib/db/client';
import { getStatusCountsByBucket } from '@/lib/db/queries/get-status-counts-by-bucket';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { buildStatusSeries, type StatusSeries } from './build-status-series';

export async function getStatusSeries(
  db: Database,
  filter: RollupFilter,
  opts: { codes: string[]; step: number; fromMs: number; toMs: number },
): Promise<StatusSeries[]> {
  const rows = await getStatusCountsByBucket(db, filter, opts.step / 60);
  return buildStatusSeries(rows, opts.codes, opts.fromMs, opts.toMs, opts.step);
}
