// Turns per-bucket status counts into evenly spaced series for the requested codes.
// A bucket with no calls at all has rate null (a gap on a chart), never 0.
import type { StatusBucketCount } from '@/lib/db/queries/get-status-counts-by-bucket';

export interface SeriesPoint {
  t: string;
  count: number;
  /** Share of all calls in the bucket; null when the bucket had no calls. */
  rate: number | null;
}

export interface StatusSeries {
  code: string;
  points: SeriesPoint[];
}

/** A status code ("401"), a class ("4xx") or "network". */
export type StatusSelector = string;

export function matchesSelector(selector: StatusSelector, statusCode: number, statusClass: string): boolean {
  if (/^\dxx$/.test(selector) || selector === 'network') return statusClass === selector;
  return String(statusCode) === selector;
}

export function buildStatusSeries(
  rows: readonly StatusBucketCount[],
  selectors: readonly StatusSelector[],
  fromMs: number,
  toMs: number,
  stepSeconds: number,
): StatusSeries[] {
  const stepMinutes = stepSeconds / 60;
  const firstBucket = Math.floor(fromMs / 60_000 / stepMinutes) * stepMinutes;
  const buckets: number[] = [];
  for (let m = firstBucket; m * 60_000 < toMs; m += stepMinutes) buckets.push(m);

  const totals = new Map<number, number>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    totals.set(row.bucketMinute, (totals.get(row.bucketMinute) ?? 0) + row.count);
    for (const selector of selectors) {
      if (!matchesSelector(selector, row.statusCode, row.statusClass)) continue;
      const id = `${selector}@${row.bucketMinute}`;
      counts.set(id, (counts.get(id) ?? 0) + row.count);
    }
  }
  return selectors.map((code) => ({
    code,
    points: buckets.map((m) => {
      const total = totals.get(m) ?? 0;
      const count = counts.get(`${code}@${m}`) ?? 0;
      return { t: new Date(m * 60_000).toISOString(), count, rate: total === 0 ? null : count / total };
    }),
  }));
}
