// Ingest benchmark, every figure measured side by side in one run, on SQLite and PostgreSQL:
//   server: realistic OTLP batches (protobuf and JSON, some gzipped, 512 spans) POSTed by several
//           concurrent keep-alive senders to /v1/traces of the BUILT server (`next start`, fresh
//           database) → spans/s, p50/p99 request latency, peak RSS; every answer must be 200 and
//           every span stored;
//   raw:    the same classified rows inserted into `requests` of another fresh database with the
//           driver, one transaction per batch → rows/s, the storage's physical limit;
//   profile: decode / classify / write per batch, in-process, with the server's own functions;
//   freshness: a stock OTLP exporter's flush → the span listed by GET /api/v1/requests.
// Writes ${BENCH_OUTPUT_DIR:-.test-output/bench}/ingest.json. Run: npm run bench
// Knobs: BENCH_INGEST_BATCHES (60), BENCH_INGEST_SENDERS (6), BENCH_INGEST_PORT (a free port),
// FAULTLINE_BENCH_PG_URL (postgresql://postgres@127.0.0.1:5432/postgres; unreachable → skipped),
// BENCH_SERVER_NODE_ARGS (Node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { createDatabase as openDatabase } from '@/lib/db/client';
import type { DatabaseTarget } from '@/lib/db/database-target';
import { createDatabase, dropDatabase } from '../ensure-postgres.mjs';
import { measureFreshness } from './ingest-freshness';
import { decodeAndClassify, type DecodedBatch, type StageProfile, stageProfile, timeWrites } from './ingest-profile';
import { type RawResult, rawInsertPostgres, rawInsertSqlite } from './ingest-raw';
import { type DatabaseOutcome, type DatabaseRun, printIngestReport, type ServerRun } from './ingest-report';
import { percentile, sendConcurrently } from './ingest-senders';
import { startBenchServer } from './ingest-server';
import { type ExportBody, makeExportBatches } from './make-export-batches';

const root = process.cwd();
const batchCount = Number(process.env.BENCH_INGEST_BATCHES ?? 60);
const senders = Number(process.env.BENCH_INGEST_SENDERS ?? 6);
const outputDir = process.env.BENCH_OUTPUT_DIR ?? path.join(root, '.test-output', 'bench');
const pgAdminUrl = process.env.FAULTLINE_BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const tokens = { ingest: `bench-ingest-${randomBytes(12).toString('hex')}`, api: `bench-api-${randomBytes(12).toString('hex')}` };
const warmupBatches = 6;
const rawRepeats = 3;

async function freePort(offset: number): Promise<number> {
  if (process.env.BENCH_INGEST_PORT) return Number(process.env.BENCH_INGEST_PORT) + offset;
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const mib = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function runServer(
  target: DatabaseTarget,
  port: number,
  bodies: ExportBody[],
  warmup: ExportBody[],
  countRows: () => Promise<number>,
  withFreshness: boolean,
): Promise<ServerRun> {
  const server = await startBenchServer({
    root,
    port,
    databaseUrl: target.url,
    env: {
      FAULTLINE_INGEST_TOKEN: tokens.ingest,
      FAULTLINE_API_TOKEN: tokens.api,
      FAULTLINE_ADMIN_EMAIL: 'bench@example.com',
      FAULTLINE_ADMIN_PASSWORD: 'bench-password-not-secret',
    },
  });
  try {
    const url = `${server.base}/v1/traces`;
    // Loads the route and warms the JIT and connections; these spans are counted as stored too.
    const warm = await sendConcurrently(url, tokens.ingest, warmup, senders);
    if (warm.firstFailure) throw new Error(`warm-up: ${warm.firstFailure}`);
    server.resetPeak();
    const run = await sendConcurrently(url, tokens.ingest, bodies, senders);
    const peak = server.peakRssBytes();
    if (run.firstFailure) throw new Error(`an export was not answered 200: ${run.firstFailure}`);
    const expectedRows = warm.spans + run.spans;
    const storedRows = await countRows();
    if (storedRows !== expectedRows) throw new Error(`stored ${storedRows} rows for ${expectedRows} spans sent: spans were lost`);
    const freshness = withFreshness ? await measureFreshness(server.base, tokens) : undefined;
    return {
      spansPerSecond: Math.round(run.spans / run.seconds),
      seconds: +run.seconds.toFixed(2),
      latencyP50Ms: Math.round(percentile(run.latenciesMs, 50)),
      latencyP99Ms: Math.round(percentile(run.latenciesMs, 99)),
      peakRssMiB: mib(peak),
      vmHwmMiB: mib(server.highWaterMarkBytes()),
      statuses: run.statuses,
      storedRows,
      expectedRows,
      freshness,
    };
  } catch (err) {
    console.error(server.output().slice(-4000));
    throw err;
  } finally {
    await server.stop();
  }
}

async function profileWrites(target: DatabaseTarget, warmup: DecodedBatch[], batches: DecodedBatch[]): Promise<number> {
  await applyMigrations(target);
  const db = openDatabase(target);
  try {
    await timeWrites(db, warmup);
    return await timeWrites(db, batches);
  } finally {
    await db.prisma.$disconnect();
  }
}

async function benchSqlite(dir: string, bodies: ExportBody[], warmup: ExportBody[], decoded: DecodedBatch[], warmDecoded: DecodedBatch[], decodeClassify: { decodeMs: number; classifyMs: number }): Promise<DatabaseRun> {
  const sqliteTarget = (name: string): DatabaseTarget & { provider: 'sqlite' } => {
    const filePath = path.join(dir, `${name}.db`);
    return { provider: 'sqlite', filePath, url: `file:${filePath}` };
  };
  const rows = decoded.map((b) => b.requests);
  const rawRuns: RawResult[] = [];
  for (let i = 0; i < rawRepeats; i++) {
    const target = sqliteTarget(`raw-${i}`);
    await applyMigrations(target);
    rawRuns.push(rawInsertSqlite(target.filePath, rows));
  }
  const writeMs = await profileWrites(sqliteTarget('profile'), warmDecoded, decoded);
  const serverTarget = sqliteTarget('server');
  const countRows = async () => {
    const db = new Sqlite(serverTarget.filePath, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const server = await runServer(serverTarget, await freePort(0), bodies, warmup, countRows, true);
  return summarise(server, rawRuns, stageProfile(decoded.length, { ...decodeClassify, writeMs }));
}

async function benchPostgres(bodies: ExportBody[], warmup: ExportBody[], decoded: DecodedBatch[], warmDecoded: DecodedBatch[], decodeClassify: { decodeMs: number; classifyMs: number }): Promise<DatabaseOutcome> {
  const probe = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.end();
  } catch (err) {
    return { skipped: `no PostgreSQL answered at ${new URL(pgAdminUrl).host} (${(err as Error).message}); set FAULTLINE_BENCH_PG_URL` };
  }
  const created: string[] = [];
  const fresh = async (prefix: string): Promise<DatabaseTarget> => {
    const url = await createDatabase(pgAdminUrl, prefix);
    created.push(url);
    return { provider: 'postgresql', url };
  };
  try {
    const rows = decoded.map((b) => b.requests);
    const rawRuns: RawResult[] = [];
    for (let i = 0; i < rawRepeats; i++) {
      const target = await fresh(`faultline_bench_raw${i}`);
      await applyMigrations(target);
      rawRuns.push(await rawInsertPostgres(target.url, rows));
    }
    const writeMs = await profileWrites(await fresh('faultline_bench_profile'), warmDecoded, decoded);
    const serverTarget = await fresh('faultline_bench_server');
    const countRows = async () => {
      const client = new pg.Client({ connectionString: serverTarget.url });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM requests')).rows[0]!.n);
      } finally {
        await client.end();
      }
    };
    const server = await runServer(serverTarget, await freePort(1), bodies, warmup, countRows, true);
    return summarise(server, rawRuns, stageProfile(decoded.length, { ...decodeClassify, writeMs }));
  } finally {
    for (const url of created) await dropDatabase(pgAdminUrl, url);
  }
}

function summarise(server: ServerRun, rawRuns: RawResult[], profile: StageProfile): DatabaseRun {
  const rates = rawRuns.map((r) => Math.round(r.rows / r.seconds));
  const rowsPerSecond = median(rates);
  return {
    server,
    raw: { rowsPerSecond, method: rawRuns[0]!.method, runs: rates },
    ratio: +(server.spansPerSecond / rowsPerSecond).toFixed(3),
    profile,
  };
}

async function main() {
  const started = performance.now();
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
  const buildSeconds = (performance.now() - started) / 1000;
  const t = performance.now();
  // Spans from the last quarter hour, as a live fleet sends them (whole minutes, so reruns agree).
  const startMs = Math.floor(Date.now() / 60_000) * 60_000 - 15 * 60_000;
  const bodies = makeExportBatches({ batches: batchCount, startMs, seed: 1 });
  const warmup = makeExportBatches({ batches: warmupBatches, startMs, seed: 2 });
  const warmDecoded = (await decodeAndClassify(warmup)).batches; // also warms the JIT for the timed pass
  const { batches: decoded, times, decodeMsPerBatch } = await decodeAndClassify(bodies);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-ingest-'));
  try {
    const sqlite = await benchSqlite(dir, bodies, warmup, decoded, warmDecoded, times);
    const postgresql = await benchPostgres(bodies, warmup, decoded, warmDecoded, times);
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version },
      workload: {
        batches: batchCount,
        spansPerBatch: 512,
        senders,
        formats: 'protobuf and JSON alternately; every 4th pair gzipped',
        warmupBatches,
      },
      decodeMsPerBatch,
      sqlite,
      postgresql,
      seconds: { build: +buildSeconds.toFixed(1), ingest: +((performance.now() - t) / 1000).toFixed(1) },
    };
    printIngestReport(report);
    fs.mkdirSync(outputDir, { recursive: true });
    fs.writeFileSync(path.join(outputDir, 'ingest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${path.join(outputDir, 'ingest.json')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
