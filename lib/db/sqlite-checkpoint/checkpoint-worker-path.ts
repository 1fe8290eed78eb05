// Where the SQLite checkpointer thread's bundle is (kept apart from start-sqlite-checkpointer.ts,
// whose `new Worker` Turbopack would otherwise follow to this path and trace the whole project).
import path from 'node:path';

/** Written by scripts/build-worker-bundles.mjs; servers, tests and benches all run from the repo root. */
export function checkpointWorkerBundlePath(): string {
  // turbopackIgnore: the bundle is built outside Next; do not trace or bundle it.
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'dist', 'sqlite-checkpoint-worker.mjs');
}
