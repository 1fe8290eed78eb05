// Times the overview's queries exactly as the page calls them (rollups, via rollup-source.ts)
// against the same answers from a naive GROUP BY over raw calls, for the 1h, 24h and 7d views
// ending at `nowMs`, and fails if any pair of answers differs: the ratio compares equals.
import { isDeepStrictEqual } from 'node:util';
import { type DashboardView, type RangePreset, resolveDashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import { loadEndpointRows } from '@/lib/dashboard/overview/load-endpoint-rows';
import { loadKeyRows } from '@/lib/dashboard/overview/load-key-rows';
import { loadOverview } from '@/lib/dashboard/overview/load-overview';
import type { Database } from '@/lib/db/client';
import { getStatusCountsByBucket, type StatusBucketCount } from '@/lib/db/queries/get-status-counts-by-bucket';
import { getStatusTotals } from '@/lib/db/queries/get-status-totals';
import { toNumber } from '@/lib/db/sql-dialect';
import { planRollupSegments } from '@/lib/rollup/plan-rollup-segments';
import { naiveEndpointRows, naiveKeyRows, naiveStatusCountsByBucket, naiveStatusTotals } from './query-naive-overview';

export const benchRanges: RangePreset[] = ['1h', '24h', '7d'];

export interface Timing {
  p50Ms: number;
  p95Ms: number;
  runs: number;
}

export interface QueryLatency {
  range: RangePreset;
  query: string;
  rollup: Timing;
  naive: Timing | null;
  /** naive / rollup, at p50 and at p95. */
  ratioP50: number | null;
  ratioP95: number | null;
  /** Rows of the answer (buckets, table rows), to show it is not empty. */
  answerRows: number;
}

export interface RangeRowsRead {
  range: RangePreset;
  /** Rollup rows a query without chart step reads per grain (summary, top lists). */
  plain: Record<string, number>;
  /** The same for the chart's step (time series, sparklines). */
  stepped: Record<string, number>;
  rawRows: number;
}

interface Probe {
  query: string;
  rollup: () => Promise<unknown>;
  naive?: () => Promise<unknown>;
  size: (answer: unknown) => number;
  /** The answer in a canonical order, where the query leaves ties unordered. */
  canonical?: (answer: unknown) => unknown;
}

const top = { order: 'errors', limit: 10, failingOnly: true } as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** One warm-up call (whose answer is returned), then `runs` timed calls. */
async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<{ timing: Timing; answer: unknown }> {
  const answer = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { timing: { p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), runs }, answer };
}

function probes(db: Database, view: DashboardView): Probe[] {
  const filter = viewRollupFilter(view);
  const step = view.stepSeconds / 60;
  const length = (a: unknown) => (Array.isArray(a) ? a.length : 0);
  return [
    {
      query: 'summary (status totals)',
      rollup: () => getStatusTotals(db, filter),
      naive: () => naiveStatusTotals(db, filter),
      size: (a) => Object.keys((a as { byStatus: object }).byStatus).length,
    },
    {
      query: 'status series (401/403/429…)',
      rollup: () => getStatusCountsByBucket(db, filter, step),
      naive: () => naiveStatusCountsByBucket(db, filter, step),
      size: length,
      // ORDER BY bucket only: statuses within a bucket come in any order.
      canonical: (a) => [...(a as StatusBucketCount[])].sort((x, y) => x.bucketMinute - y.bucketMinute || x.statusCode - y.statusCode),
    },
    { query: 'top endpoints', rollup: () => loadEndpointRows(db, view, top), naive: () => naiveEndpointRows(db, view, top), size: length },
    { query: 'top keys', rollup: () => loadKeyRows(db, view, top), naive: () => naiveKeyRows(db, view, top), size: length },
    { query: 'whole overview (loadOverview)', rollup: () => loadOverview(db, view), size: (a) => (a as { series: unknown[] }).series.length },
  ];
}

export async function measureOverviewLatency(
  db: Database,
  nowMs: number,
  options: { rollupRuns: number; naiveRuns: (range: RangePreset) => number },
): Promise<QueryLatency[]> {
  const out: QueryLatency[] = [];
  for (const range of benchRanges) {
    const view = resolveDashboardView({ range }, nowMs);
    for (const probe of probes(db, view)) {
      const rollup = await timeIt(probe.rollup, options.rollupRuns);
      let naive: Timing | null = null;
      if (probe.naive) {
        const measured = await timeIt(probe.naive, options.naiveRuns(range));
        const canonical = probe.canonical ?? ((a: unknown) => a);
        if (!isDeepStrictEqual(canonical(measured.answer), canonical(rollup.answer))) {
          throw new Error(
            `${range} ${probe.query}: the rollup answer differs from the raw-row answer\nrollup: ${JSON.stringify(rollup.answer).slice(0, 2000)}\nnaive:  ${JSON.stringify(measured.answer).slice(0, 2000)}`,
          );
        }
        naive = measured.timing;
      }
      const ratio = (a: number | undefined, b: number) => (a === undefined ? null : Math.round((a / b) * 10) / 10);
      out.push({
        range,
        query: probe.query,
        rollup: rollup.timing,
        naive,
        ratioP50: ratio(naive?.p50Ms, rollup.timing.p50Ms),
        ratioP95: ratio(naive?.p95Ms, rollup.timing.p95Ms),
        answerRows: probe.size(rollup.answer),
      });
    }
  }
  return out;
}

/** How many rollup rows each grain contributes to each range's queries, and raw rows in range. */
export async function countRowsRead(db: Database, nowMs: number): Promise<RangeRowsRead[]> {
  const count = async (grain: number, from: number, to: number) => {
    const rows =
      grain === 1
        ? await db.prisma.$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS n FROM request_minutes WHERE minute >= ${from} AND minute < ${to}`
        : await db.prisma.$queryRaw<{ n: unknown }[]>`SELECT COUNT(*) AS n FROM request_rollups WHERE grain = ${grain} AND minute >= ${from} AND minute < ${to}`;
    return toNumber(rows[0]?.n);
  };
  const perGrain = async (from: number, to: number, step?: number) => {
    const read: Record<string, number> = { '1': 0, '10': 0, '60': 0 };
    for (const s of planRollupSegments(from, to, step)) read[String(s.grain)] = (read[String(s.grain)] ?? 0) + (await count(s.grain, s.fromMinute, s.toMinute));
    return read;
  };
  const out: RangeRowsRead[] = [];
  for (const range of benchRanges) {
    const view = resolveDashboardView({ range }, nowMs);
    const f = viewRollupFilter(view);
    const raw = await db.prisma.$queryRaw<{ n: unknown }[]>`
      SELECT COUNT(*) AS n FROM requests WHERE start_ms >= ${f.fromMinute * 60_000} AND start_ms < ${f.toMinute * 60_000}`;
    out.push({
      range,
      plain: await perGrain(f.fromMinute, f.toMinute),
      stepped: await perGrain(f.fromMinute, f.toMinute, view.stepSeconds / 60),
      rawRows: toNumber(raw[0]?.n),
    });
  }
  return out;
}
