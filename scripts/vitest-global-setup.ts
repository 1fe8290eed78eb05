// Vitest global setup: bundles the worker threads (ingest decode, SQLite checkpointer) once per
// run (esbuild, well under a second) so tests exercise them from the current sources, never a stale bundle.
import { buildWorkerBundles } from './build-worker-bundles.mjs';

export default async function setup(): Promise<void> {
  await buildWorkerBundles();
}
