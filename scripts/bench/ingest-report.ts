// The ingest benchmark's figures (also written as ingest.json) and their printed table.
import type { FreshnessResult } from './ingest-freshness';
import type { StageProfile } from './ingest-profile';

export interface ServerRun {
  spansPerSecond: number;
  seconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Highest RSS of the server process tree sampled every 100 ms during the timed run. */
  peakRssMiB: number;
  /** The kernel's peak RSS (VmHWM) of the `next start` process since it started. */
  vmHwmMiB: number;
  statuses: Record<string, number>;
  storedRows: number;
  expectedRows: number;
  freshness?: FreshnessResult;
}

export interface DatabaseRun {
  server: ServerRun;
  /** The median of the raw runs. */
  raw: { rowsPerSecond: number; method: string; runs: number[] };
  /** server spans/s ÷ raw rows/s */
  ratio: number;
  profile: StageProfile;
}

export type DatabaseOutcome = DatabaseRun | { skipped: string };

export interface IngestReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  workload: { batches: number; spansPerBatch: number; senders: number; formats: string; warmupBatches: number };
  decodeMsPerBatch: Record<string, number>;
  sqlite: DatabaseRun;
  postgresql: DatabaseOutcome;
  seconds: { build: number; ingest: number };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

export function printIngestReport(r: IngestReport): void {
  const w = r.workload;
  console.log(
    `\nIngest throughput — ${w.batches} × ${w.spansPerBatch} spans (${w.formats}), ${w.senders} concurrent senders, built server` +
      `\n${r.date}, ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}\n`,
  );
  const rows = [['database', 'server spans/s', 'raw rows/s', 'ratio', 'p50 ms', 'p99 ms', 'peak RSS MiB', 'target']];
  const dbs: [string, DatabaseOutcome][] = [
    ['SQLite', r.sqlite],
    ['PostgreSQL', r.postgresql],
  ];
  for (const [name, d] of dbs) {
    if ('skipped' in d) {
      rows.push([name, 'skipped', '', '', '', '', '', '']);
      continue;
    }
    const s = d.server;
    const target = name === 'SQLite' ? (d.ratio >= 0.3 ? '≥ 0.3× ok' : '≥ 0.3× MISSED') : 'reported';
    rows.push([name, String(s.spansPerSecond), String(d.raw.rowsPerSecond), `${d.ratio.toFixed(2)}×`, String(s.latencyP50Ms), String(s.latencyP99Ms), String(s.peakRssMiB), target]);
  }
  console.log(table(rows));
  for (const [name, d] of dbs) {
    if ('skipped' in d) console.log(`\n${name} skipped: ${d.skipped}`);
    else console.log(`\n${name} raw baseline: ${d.raw.method}; median of ${d.raw.runs.join(', ')} rows/s. Stored ${d.server.storedRows}/${d.server.expectedRows} spans, all answers 200; VmHWM ${d.server.vmHwmMiB} MiB.`);
  }

  console.log('\nWhere an ingest request spends its time (in-process, the same batches, one at a time):');
  const profileRows = [['database', 'decode ms', 'classify ms', 'write ms', 'decode', 'classify', 'write']];
  for (const [name, d] of dbs) {
    if ('skipped' in d) continue;
    const p = d.profile;
    profileRows.push([
      name,
      p.perBatchMs.decodeMs.toFixed(1),
      p.perBatchMs.classifyMs.toFixed(1),
      p.perBatchMs.writeMs.toFixed(1),
      pct(p.shares.decodeMs),
      pct(p.shares.classifyMs),
      pct(p.shares.writeMs),
    ]);
  }
  console.log(table(profileRows));
  for (const [name, d] of dbs) {
    if ('skipped' in d) continue;
    const p = d.profile.perBatchMs;
    const inProcess = p.decodeMs + p.classifyMs + p.writeMs;
    const serverWall = (d.server.seconds * 1000) / w.batches;
    console.log(
      `${name}: decode + classify + write = ${inProcess.toFixed(1)} ms per batch in-process; the server spends ${serverWall.toFixed(1)} ms of wall time per batch` +
        ` (the difference is HTTP, Next.js routing, body reading and auth, minus what the 2nd core overlaps).`,
    );
  }
  console.log(`decode ms per batch by encoding: ${Object.entries(r.decodeMsPerBatch).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  for (const [name, d] of dbs) {
    const f = 'skipped' in d ? undefined : d.server.freshness;
    if (!f) continue;
    const ok = f.maxMs <= 2000 && f.missing === 0 ? 'target ≤ 2 s ok' : 'target ≤ 2 s MISSED';
    console.log(
      `\nFreshness on ${name} (OTLPTraceExporter flush → listed by GET /api/v1/requests, ${f.samples} samples): p50 ${f.p50Ms} ms, max ${f.maxMs} ms` +
        `${f.missing ? `, ${f.missing} never seen` : ''} (the export itself answered after p50 ${f.ackP50Ms} ms) — ${ok}`,
    );
  }
  console.log(`\nIngest benchmark took ${r.seconds.ingest} s (plus ${r.seconds.build} s checking/doing the build).`);
}
