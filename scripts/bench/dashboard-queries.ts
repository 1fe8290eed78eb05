// Query latency at scale, on SQLite: fills a file with 1M calls over 30 days (written with the
// driver by make-scale-dataset.ts, rows identical to the ingest path's), times the overview's
// queries for 1h, 24h and 7d against a naive GROUP BY over raw calls (answers checked equal),
// then extends the same file to 10M and measures again; plus the file's size per million calls.
// Prints tables and writes ${BENCH_OUTPUT_DIR:-.test-output/bench}/queries.json.
// Run: npm run bench, or vite-node --config vitest.config.ts scripts/bench/dashboard-queries.ts
// (BENCH_SCALE_REQUESTS=1000000 for a quick run: 100k then 1M; BENCH_SCALE_KEEP=1 keeps the file;
// BENCH_SCALE_FILE=/tmp/scale.db writes the dataset there and keeps it, and a later run with the
// same path measures that file again instead of regenerating it: the views end where it ends).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { createDatabase } from '@/lib/db/client';
import { writeScaleDataset } from './make-scale-dataset';
import { receivedMsOf, ScaleTraffic, type StreamPart } from './make-scale-traffic';
import { countGrainRows, type DbSize, type GrainRows, measureDbSize } from './query-db-size';
import { countRowsRead, measureOverviewLatency, type QueryLatency, type RangeRowsRead } from './query-overview-latency';

const total = Number(process.env.BENCH_SCALE_REQUESTS ?? 10_000_000);
const outputDir = process.env.BENCH_OUTPUT_DIR ?? '.test-output/bench';
const rollupRuns = 15;
const targetP95Ms = 150;
const targetRatio = 20;

interface Stage {
  calls: number;
  generation: { calls: number; seconds: number; callsPerSecond: number };
  rows: GrainRows;
  size: DbSize & { mibPerMillionCalls: number; rawMibPerMillion: number; rollupMibPerMillion: number };
  rowsRead: RangeRowsRead[];
  queries: QueryLatency[];
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

async function measureStage(filePath: string, calls: number, endMs: number, generation: Stage['generation']): Promise<Stage> {
  const rows = countGrainRows(filePath);
  const size = measureDbSize(filePath);
  const perMillion = (bytes: number) => mib(bytes / (calls / 1e6));
  const db = createDatabase({ provider: 'sqlite', filePath, url: `file:${filePath}` });
  try {
    const rowsRead = await countRowsRead(db, endMs);
    // Naive reads of a week of 10M calls take seconds each: fewer runs there keep the bench short.
    const queries = await measureOverviewLatency(db, endMs, { rollupRuns, naiveRuns: (range) => (range === '7d' && calls > 2e6 ? 2 : 3) });
    return {
      calls,
      generation,
      rows,
      size: {
        ...size,
        mibPerMillionCalls: perMillion(size.fileBytes + size.walBytes),
        rawMibPerMillion: perMillion(size.rawBytes),
        rollupMibPerMillion: perMillion(size.rollupBytes),
      },
      rowsRead,
      queries,
    };
  } finally {
    await db.prisma.$disconnect();
  }
}

function print(stage: Stage): void {
  const g = stage.generation;
  console.log(
    `\n${label(stage.calls)} calls over 30 days on SQLite (this stage written in ${g.seconds.toFixed(1)} s, ${Math.round(g.callsPerSecond).toLocaleString('en-US')} calls/s); ` +
      `file ${mib(stage.size.fileBytes + stage.size.walBytes)} MiB = ${stage.size.mibPerMillionCalls} MiB per million calls ` +
      `(raw ${stage.size.rawMibPerMillion}, rollups ${stage.size.rollupMibPerMillion})`,
  );
  const r = stage.rows;
  console.log(
    `rows: requests ${r.requests.toLocaleString('en-US')}, request rollups 1/10/60 min ${Object.values(r.requestRollups).map((n) => n.toLocaleString('en-US')).join(' / ')}, ` +
      `error-key rollups 1/10/60 min ${Object.values(r.errorKeyRollups).map((n) => n.toLocaleString('en-US')).join(' / ')}`,
  );
  console.table(
    Object.fromEntries(
      stage.queries.map((q) => [
        `${q.range} ${q.query}`,
        {
          'rollup p50 ms': q.rollup.p50Ms,
          'rollup p95 ms': q.rollup.p95Ms,
          'naive p50 ms': q.naive?.p50Ms ?? '',
          'naive p95 ms': q.naive?.p95Ms ?? '',
          'naive/rollup p50': q.ratioP50 ?? '',
          'naive/rollup p95': q.ratioP95 ?? '',
        },
      ]),
    ),
  );
}

interface KeptDataset {
  calls: number;
  endMs: number;
  generation: Stage['generation'];
}

/** Measures a dataset kept by an earlier run with the same BENCH_SCALE_FILE (its last stage only). */
async function measureKept(filePath: string): Promise<Stage[] | null> {
  const metaPath = `${filePath}.json`;
  if (!fs.existsSync(filePath) || !fs.existsSync(metaPath)) return null;
  const kept = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as KeptDataset;
  if (kept.calls !== total) return null;
  console.log(`measuring the kept ${label(kept.calls)} dataset ${filePath} (ends ${new Date(kept.endMs).toISOString()})`);
  await applyMigrations({ provider: 'sqlite', filePath, url: `file:${filePath}` });
  const stage = await measureStage(filePath, kept.calls, kept.endMs, kept.generation);
  print(stage);
  return [stage];
}

async function generateAndMeasure(filePath: string): Promise<Stage[]> {
  for (const suffix of ['', '-wal', '-shm', '.json']) fs.rmSync(`${filePath}${suffix}`, { force: true });
  await applyMigrations({ provider: 'sqlite', filePath, url: `file:${filePath}` });
  const endMs = Date.now();
  const traffic = new ScaleTraffic({ total, endMs });
  // One call in ten first, then the other nine: the same month of traffic, ten times denser.
  const parts: StreamPart[] = [
    { every: 10, part: 0 },
    { every: 10, part: 0, except: true },
  ];
  const stages: Stage[] = [];
  let stored = 0;
  for (const part of parts) {
    const written = writeScaleDataset(filePath, traffic.calls(part), { fast: true, receivedMs: receivedMsOf });
    stored += written.calls;
    const generation = { ...written, callsPerSecond: written.calls / written.seconds };
    if (stored === total) fs.writeFileSync(`${filePath}.json`, JSON.stringify({ calls: stored, endMs, generation } satisfies KeptDataset));
    const stage = await measureStage(filePath, stored, endMs, generation);
    print(stage);
    stages.push(stage);
  }
  return stages;
}

async function main() {
  const keptFile = process.env.BENCH_SCALE_FILE;
  const dir = keptFile ? path.dirname(path.resolve(keptFile)) : fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-queries-'));
  const filePath = keptFile ? path.resolve(keptFile) : path.join(dir, 'faultline.db');
  const started = performance.now();
  try {
    const stages = (keptFile ? await measureKept(filePath) : null) ?? (await generateAndMeasure(filePath));
    const last = stages[stages.length - 1] as Stage;
    const compared = last.queries.filter((q) => q.naive);
    const worstP95 = Math.max(...compared.map((q) => q.rollup.p95Ms));
    const worstRatio = Math.min(...compared.map((q) => q.ratioP95 ?? Number.POSITIVE_INFINITY));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\nAt ${label(last.calls)}: slowest overview query p95 ${worstP95} ms (target ≤ ${targetP95Ms}), ` +
        `smallest naive/rollup ratio at p95 ${worstRatio}× (target ≥ ${targetRatio}×); every rollup answer equals the raw-row answer. ` +
        `Whole query bench: ${seconds.toFixed(0)} s on ${os.cpus().length} cores.`,
    );
    fs.mkdirSync(outputDir, { recursive: true });
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      database: 'sqlite',
      days: 30,
      rollupRuns,
      targets: { p95Ms: targetP95Ms, ratio: targetRatio },
      result: { worstP95Ms: worstP95, worstRatioP95: worstRatio, meetsTargets: worstP95 <= targetP95Ms && worstRatio >= targetRatio },
      seconds,
      stages,
    };
    fs.writeFileSync(path.join(outputDir, 'queries.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (keptFile || process.env.BENCH_SCALE_KEEP === '1') console.log(`kept ${filePath}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
