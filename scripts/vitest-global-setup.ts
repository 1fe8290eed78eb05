// Vitest global setup: bundles the ingest decode worker once per run (esbuild, well under a
// second) so tests exercise the worker threads from the current sources, never a stale bundle.
import { buildDecodeWorkerBundle } from './build-decode-worker.mjs';

export default async function setup(): Promise<void> {
  await buildDecodeWorkerBundle();
}
