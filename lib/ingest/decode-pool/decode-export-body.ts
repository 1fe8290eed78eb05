// Owns choosing where an export body is decoded: in the decode worker pool (sized by
// FAULTLINE_INGEST_DECODE_THREADS), or on the request thread when that is 0 or the worker
// bundle is missing. The route calls decodeExportBody and never sees the difference.
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import type { ClassifiedExport } from '../classify-export';
import { type DecodeJob, rebuildDecodeError } from './decode-job';
import { createDecodeWorkerPool, type DecodeWorkerPool } from './decode-worker-pool';
import { runDecodeJob } from './run-decode-job';

/** Written by scripts/build-worker-bundles.mjs; servers, tests and benches all run from the repo root. */
export function decodeWorkerBundlePath(): string {
  // turbopackIgnore: the bundle is built outside Next; do not trace or bundle it.
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'dist', 'ingest-decode-worker.mjs');
}

/** Where exports are decoded: `pool` null means on the request thread. */
export interface DecodeSlot {
  pool: DecodeWorkerPool | null;
  readonly threads: number;
  readonly workerFile: string;
}

function warnMissing(slot: DecodeSlot): void {
  console.warn(
    `[faultline] ${slot.workerFile} is missing, so ingest decodes on the request thread. Run \`node scripts/build-worker-bundles.mjs\` (npm start does) to decode in ${slot.threads} worker thread(s).`,
  );
}

export function openDecodeSlot(options: { threads: number; workerFile: string }): DecodeSlot {
  const slot: DecodeSlot = { pool: null, ...options };
  if (options.threads === 0) return slot;
  // A missing build artefact must not take ingest down: decode as before, and say why it is slower.
  if (!fs.existsSync(options.workerFile)) warnMissing(slot);
  else slot.pool = createDecodeWorkerPool(options.workerFile, options.threads);
  return slot;
}

/** Decodes in the slot's pool, or here; throws the same error classes either way. */
export async function decodeInSlot(slot: DecodeSlot, job: DecodeJob): Promise<ClassifiedExport> {
  const pool = slot.pool;
  if (!pool) return runDecodeJob(job);
  const outcome = await pool.run(job);
  if (outcome.ok) return outcome.classified;
  // The bundle was deleted under a running server (a rebuild, a cleanup): replacement workers
  // cannot start, so stop answering 503 and decode here from the next export on.
  if (outcome.error.kind === 'worker-lost' && slot.pool === pool && !fs.existsSync(slot.workerFile)) {
    warnMissing(slot);
    slot.pool = null;
    void pool.close();
  }
  throw rebuildDecodeError(outcome.error);
}

// On globalThis so Next dev's module reloads reuse the workers instead of leaking a pool per
// reload. Only the slot is kept; the errors are rebuilt by the current module instance.
const holder = globalThis as typeof globalThis & { faultlineDecodeSlot?: DecodeSlot };

/** Decompresses, decodes and classifies one export body; throws the same errors as in-thread decoding. */
export function decodeExportBody(job: DecodeJob): Promise<ClassifiedExport> {
  holder.faultlineDecodeSlot ??= openDecodeSlot({
    threads: getEnv().FAULTLINE_INGEST_DECODE_THREADS,
    workerFile: decodeWorkerBundlePath(),
  });
  return decodeInSlot(holder.faultlineDecodeSlot, job);
}
