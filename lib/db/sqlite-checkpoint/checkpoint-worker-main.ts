// The SQLite checkpointer thread (bundled to dist/sqlite-checkpoint-worker.mjs by
// scripts/build-worker-bundles.mjs). It copies the WAL back into the database file on its own
// connection, so the ingest writer's commits on the main thread no longer stop for SQLite's
// automatic checkpoint (measured: about half of a 512-row batch's commit time).
// A PASSIVE checkpoint never waits for anyone, but while the writer keeps appending it never
// catches up, and SQLite only rewinds the WAL to its start after a checkpoint that did. So once
// the WAL passes `restartFrames`, the thread asks the server to hold its writers (the server
// waits for the running transaction, asynchronously: the event loop keeps serving), copies the
// last few frames with a RESTART checkpoint, and lets them go; the next commit starts the WAL
// over, so its size stays bounded.
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import type { CheckpointServerMessage, CheckpointWorkerData, CheckpointWorkerMessage, WalCheckpointResult } from './checkpoint-worker-data';

const { filePath, intervalMs, restartFrames, busyTimeoutMs } = workerData as CheckpointWorkerData;
// A short busy timeout: a RESTART that cannot outwait a reader or a writer the server does not
// hold (the fold or retention job) gives up and tries again later.
const db = new Sqlite(filePath, { timeout: busyTimeoutMs });

function checkpoint(mode: 'PASSIVE' | 'RESTART'): WalCheckpointResult {
  const [row] = db.pragma(`wal_checkpoint(${mode})`) as WalCheckpointResult[];
  return row ?? { busy: 1, log: -1, checkpointed: -1 };
}

const send = (message: CheckpointWorkerMessage) => parentPort?.postMessage(message);
/** When the thread asked the server to hold its writers; null when it is not waiting for that. */
let awaitingSince: number | null = null;
// An answer that never comes (it always should) must not stop checkpoints for good.
const maxAwaitMs = 5_000;
// A RESTART that could not finish (a reader held an old snapshot past the busy timeout, say in
// another process) is not retried on the next tick: each try holds the server's writers.
let nextRestartAt = 0;
let restartBackoffMs = 1_000;
const maxRestartBackoffMs = 30_000;

function report(err: unknown): void {
  // SQLITE_BUSY is the expected "not now" (a reader or writer outlasted the busy timeout).
  if ((err as { code?: unknown }).code !== 'SQLITE_BUSY') send({ kind: 'error', message: (err as Error).message });
}

function tick(): void {
  if (awaitingSince !== null && Date.now() - awaitingSince < maxAwaitMs) return;
  awaitingSince = null;
  try {
    const passive = checkpoint('PASSIVE');
    if (passive.log >= restartFrames && Date.now() >= nextRestartAt) {
      awaitingSince = Date.now();
      send({ kind: 'hold-writers' });
    }
  } catch (err) {
    report(err);
  }
}

parentPort?.on('message', (message: CheckpointServerMessage) => {
  if (message.kind === 'hold-refused') awaitingSince = null;
  if (message.kind !== 'writers-held') return;
  let rewound = false;
  try {
    rewound = checkpoint('RESTART').busy === 0;
  } catch (err) {
    report(err);
  } finally {
    if (rewound) restartBackoffMs = 1_000;
    else {
      nextRestartAt = Date.now() + restartBackoffMs;
      restartBackoffMs = Math.min(2 * restartBackoffMs, maxRestartBackoffMs);
    }
    awaitingSince = null;
    send({ kind: 'release-writers' });
  }
});

setInterval(tick, intervalMs);
send({ kind: 'ready' });
