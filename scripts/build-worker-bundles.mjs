// Bundles the ingest decode worker (lib/ingest/decode-pool/decode-worker-main.ts) into one ES
// module, dist/ingest-decode-worker.mjs, that the server starts as worker threads. Bundled with
// esbuild rather than by Next because Turbopack's handling of worker entries is unreliable, and
// one self-contained file runs the same under `next start`, `next dev` and vitest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeModule, root } from './bundle-node-module.mjs';

export const decodeWorkerBundlePath = path.join(root, 'dist', 'ingest-decode-worker.mjs');

/** Writes the bundle (to `outfile`, default dist/ingest-decode-worker.mjs) and returns its path. */
export async function buildDecodeWorkerBundle(outfile = decodeWorkerBundlePath) {
  // Written aside and renamed, so a server or test run starting a worker meanwhile never loads half a file.
  const partial = `${outfile}.${process.pid}.partial`;
  await bundleNodeModule('lib/ingest/decode-pool/decode-worker-main.ts', partial);
  fs.renameSync(partial, outfile);
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await buildDecodeWorkerBundle();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
