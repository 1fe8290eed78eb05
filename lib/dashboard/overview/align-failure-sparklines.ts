// Turns failed-calls-per-bucket rows of several endpoints or keys into one evenly spaced
// series per id, on the same buckets as the status chart. A bucket in which the id had no
// calls at all is a gap (null); a bucket with calls but no failures is a real 0.
import type { DimensionBucketCount } from '@/lib/db/queries/get-failures-by-bucket';

export interface BucketRange {
  fromMs: number;
  toMs: number;
  /** A multiple of 60. */
  stepSeconds: number;
}

/** Epoch minutes at which each bucket of the range starts, aligned to multiples of the step. */
export function bucketStartMinutes({ fromMs, toMs, stepSeconds }: BucketRange): number[] {
  const stepMinutes = stepSeconds / 60;
  const buckets: number[] = [];
  for (let m = Math.floor(fromMs / 60_000 / stepMinutes) * stepMinutes; m * 60_000 < toMs; m += stepMinutes) buckets.push(m);
  return buckets;
}

export function alignFailureSparklines(
  rows: readonly DimensionBucketCount[],
  ids: readonly string[],
  range: BucketRange,
): Map<string, (number | null)[]> {
  const buckets = bucketStartMinutes(range);
  const position = new Map(buckets.map((minute, i) => [minute, i]));
  const series = new Map<string, (number | null)[]>(ids.map((id) => [id, buckets.map(() => null)]));
  for (const row of rows) {
    const values = series.get(row.id);
    const i = position.get(row.bucketMinute);
    if (!values || i === undefined || row.total === 0) continue;
    values[i] = (values[i] ?? 0) + row.failures;
  }
  return series;
}
