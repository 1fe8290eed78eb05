// Bundles the server's worker threads into self-contained ES modules under dist/: the ingest
// decode worker (lib/ingest/decode-pool/decode-worker-main.ts → dist/ingest-decode-worker.mjs)
// and the SQLite checkpointer (lib/db/sqlite-checkpoint/checkpoint-worker-main.ts →
// dist/sqlite-checkpoint-worker.mjs). Bundled with esbuild rather than by Next because
// Turbopack's handling of worker entries is unreliable, and one self-contained file runs the
// same under `next start`, `next dev` and vitest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeModule, root } from './bundle-node-module.mjs';

export const decodeWorkerBundlePath = path.join(root, 'dist', 'ingest-decode-worker.mjs');
export const checkpointWorkerBundlePath = path.join(root, 'dist', 'sqlite-checkpoint-worker.mjs');

async function buildBundle(entry, outfile, external) {
  // Written aside and renamed, so a server or test run starting a worker meanwhile never loads half a file.
  const partial = `${outfile}.${process.pid}.partial`;
  await bundleNodeModule(entry, partial, { external });
  fs.renameSync(partial, outfile);
  return outfile;
}

/** Writes the decode worker bundle (to `outfile`, default dist/ingest-decode-worker.mjs) and returns its path. */
export function buildDecodeWorkerBundle(outfile = decodeWorkerBundlePath) {
  return buildBundle('lib/ingest/decode-pool/decode-worker-main.ts', outfile, []);
}

/** better-sqlite3 stays a runtime import: a native addon cannot be inlined. */
export function buildCheckpointWorkerBundle(outfile = checkpointWorkerBundlePath) {
  return buildBundle('lib/db/sqlite-checkpoint/checkpoint-worker-main.ts', outfile, ['better-sqlite3']);
}

export async function buildWorkerBundles() {
  return [await buildDecodeWorkerBundle(), await buildCheckpointWorkerBundle()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await buildWorkerBundles()) console.log(`Built ${path.relative(process.cwd(), file)}`);
}
