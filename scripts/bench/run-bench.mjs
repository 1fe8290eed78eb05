// `npm run bench`: the ingest benchmark (built server vs the raw driver, SQLite and PostgreSQL,
// plus freshness) and then the query benchmark (1M and 10M calls over 30 days, rollups vs naive
// GROUP BY), one after the other so they do not share the CPU. Each prints its own table and
// writes its figures as JSON under .test-output/bench/; this prints how long each part took.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputDir = process.env.BENCH_OUTPUT_DIR ?? path.join(root, '.test-output', 'bench');
fs.mkdirSync(outputDir, { recursive: true });
const viteNode = path.join(root, 'node_modules', 'vite-node', 'vite-node.mjs');

const parts = [
  { name: 'ingest', script: 'scripts/bench/ingest-throughput.ts' },
  { name: 'queries', script: 'scripts/bench/dashboard-queries.ts' },
];

console.log(`[bench] ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const started = Date.now();
const timings = [];
let failed = false;
for (const part of parts) {
  const t0 = Date.now();
  console.log(`\n[bench] ${part.name}: ${part.script}`);
  const result = spawnSync(process.execPath, [viteNode, '--config', 'vitest.config.ts', part.script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_OUTPUT_DIR: outputDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (Date.now() - t0) / 1000;
  timings.push(`${part.name} ${seconds.toFixed(0)} s${result.status === 0 ? '' : ' (FAILED)'}`);
  if (result.status !== 0) failed = true;
}
console.log(`\n[bench] done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${timings.join(', ')}; figures in ${path.relative(root, outputDir)}/*.json`);
process.exit(failed ? 1 : 0);
