// Dashboard read latency on a day of stored calls (default 1,000,000), on SQLite, measured side
// by side in one run: the overview's rollup queries against the same summary computed from the
// raw calls, plus the request explorer's pages and the diagnosis. Medians of 7 runs after a warm-up.
// Run: npm run bench (BENCH_REQUESTS=200000 for a quicker run)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { createDatabase, type Database } from '@/lib/db/client';
import { getSummary } from '@/lib/db/queries/get-summary';
import { listRequests, type RequestCursor } from '@/lib/db/queries/list-requests';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { resolveDashboardView, viewRollupFilter } from '@/lib/dashboard/dashboard-view';
import { loadOverview } from '@/lib/dashboard/overview/load-overview';
import { runDiagnosis } from '@/lib/diagnose/run-diagnosis';
import { makeDashboardDataset } from './make-dashboard-dataset';

const requestCount = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const runs = 7;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
}

/** Everything the overview page shows for a 24 h view, through the page's own loader. */
async function overviewQueries(db: Database, endMs: number): Promise<void> {
  await loadOverview(db, resolveDashboardView({ range: '24h' }, endMs));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-dashboard-'));
  const filePath = path.join(dir, 'faultline.db');
  const target = { provider: 'sqlite' as const, filePath, url: `file:${filePath}` };
  await applyMigrations(target);
  const db = createDatabase(target);
  const endMs = Date.now();

  const t = performance.now();
  for (const batch of makeDashboardDataset(requestCount, endMs)) {
    await saveRequestBatch(db, batch, { received: batch.length, ignored: 0, rejected: 0 }, endMs);
  }
  const seedSeconds = (performance.now() - t) / 1000;
  const [counted] = await db.prisma.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM request_minutes`;
  const rollupRows = counted?.n ?? 0;

  const fromMs = endMs - 24 * 3_600_000;
  const overviewMs = await median(() => overviewQueries(db, endMs));
  const rawSummaryMs = await median(
    () => db.prisma.$queryRaw`SELECT status_code, COUNT(*) AS n FROM requests WHERE start_ms >= ${fromMs} AND start_ms < ${endMs} GROUP BY status_code`,
  );
  const rollupSummaryMs = await median(() => getSummary(db, viewRollupFilter(resolveDashboardView({ range: '24h' }, endMs))));
  const explorerFirstMs = await median(() => listRequests(db, { fromMs, toMs: endMs, statuses: [429] }, { limit: 50 }));
  let cursor: RequestCursor | undefined;
  for (let page = 0; page < 20; page++) {
    cursor = (await listRequests(db, { fromMs, toMs: endMs, statuses: [429] }, { limit: 50, cursor })).nextCursor ?? undefined;
  }
  const explorerDeepMs = await median(() => listRequests(db, { fromMs, toMs: endMs, statuses: [429] }, { limit: 50, cursor }));
  const explorerErrorKeyMs = await median(() =>
    listRequests(db, { fromMs, toMs: endMs, errorKey: 'Too many requests' }, { limit: 50 }),
  );
  const diagnosisMs = await median(() => runDiagnosis(db, { fromMs, toMs: endMs }));

  console.log(
    `\nDashboard reads on SQLite: ${requestCount.toLocaleString('en-US')} calls over 24 h, ` +
      `${Number(rollupRows).toLocaleString('en-US')} rollup rows (seeded through saveRequestBatch at ` +
      `${Math.round(requestCount / seedSeconds).toLocaleString('en-US')} calls/s), ${os.cpus().length} cores; medians of ${runs}`,
  );
  const row = (ms: number) => ({ 'median ms': +ms.toFixed(1), 'ratio to overview': +(ms / overviewMs).toFixed(2) });
  console.table({
    'overview page data, 24 h (loadOverview)': row(overviewMs),
    'status summary from rollups': row(rollupSummaryMs),
    'same summary from raw calls': row(rawSummaryMs),
    'explorer ?status=429, first page': row(explorerFirstMs),
    'explorer ?status=429, page 21 (cursor)': row(explorerDeepMs),
    'explorer ?errorKey=…, first page': row(explorerErrorKeyMs),
    'diagnosis, 24 h (runDiagnosis)': row(diagnosisMs),
  });
  console.log(`raw-call summary / rollup summary: ${(rawSummaryMs / rollupSummaryMs).toFixed(1)}×`);
  await db.prisma.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
