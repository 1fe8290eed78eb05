// Starts the SQLite checkpointer thread (checkpoint-worker-main.ts) for the server's database
// and hands it the WAL's upkeep: while it runs, the main connection's automatic checkpoint
// only kicks in as a safety net far past where the thread keeps the WAL; when the thread is
// missing or gone, SQLite's default comes back, so the WAL never grows without bound.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Database } from '../client';
import { holdTransactions } from '../driver-transaction';
import { type SqliteConnection, sqliteConnectionOf } from '../sqlite-connection';
import type { CheckpointServerMessage, CheckpointWorkerData, CheckpointWorkerMessage } from './checkpoint-worker-data';

/** SQLite's own default (frames of the page size), restored whenever the thread is not running. */
export const defaultAutocheckpointFrames = 1000;
/** While the thread runs: far past `restartFrames`, so only a stalled thread lets it trigger. */
export const safetyNetAutocheckpointFrames = 16_000;

/** Stops new write transactions once the running one ends; resolves to the function that lets them go. */
export type HoldWriters = () => Promise<() => Promise<void>>;

export interface SqliteCheckpointerOptions {
  /** How often the thread checkpoints (default 100 ms: a few hundred WAL pages at full ingest). */
  intervalMs?: number;
  /** WAL frames past which the thread rewinds the WAL (default 4,000: 16 MB of 4 KiB pages). */
  restartFrames?: number;
  log?: (line: string) => void;
  /** How long the writers stay held at most, should the thread not answer (default 2 s). */
  maxHoldMs?: number;
}

export interface SqliteCheckpointer {
  /** Resolves once the thread is up and the main connection's threshold raised. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Returns null (and logs why) when the bundle is missing: SQLite then checkpoints on commit as usual. */
export function startSqliteCheckpointer(
  connection: SqliteConnection,
  filePath: string,
  holdWriters: HoldWriters,
  // A parameter, not a default computed here: a path Turbopack can follow to `new Worker` makes it trace the whole project.
  workerFile: string,
  options: SqliteCheckpointerOptions = {},
): SqliteCheckpointer | null {
  const log = options.log ?? console.log;
  if (!fs.existsSync(workerFile)) {
    log(`[faultline] ${workerFile} is missing, so SQLite checkpoints on the ingest thread. Run \`node scripts/build-worker-bundles.mjs\` (npm start does).`);
    return null;
  }
  const workerData: CheckpointWorkerData = {
    filePath,
    intervalMs: options.intervalMs ?? 100,
    restartFrames: options.restartFrames ?? 4_000,
    busyTimeoutMs: 100,
  };
  const setThreshold = (frames: number) => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${frames}`);
  };
  const worker = new Worker(workerFile, { workerData });
  // A background upkeep thread must not keep a stopping server or a test run alive.
  worker.unref();
  let stopping = false;
  let exited = false;
  let held: { letGo: () => Promise<void>; timer: NodeJS.Timeout } | null = null;
  const releaseWriters = async () => {
    const current = held;
    held = null;
    if (!current) return;
    clearTimeout(current.timer);
    await current.letGo();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: CheckpointWorkerMessage) => {
      if (message.kind === 'ready') {
        setThreshold(safetyNetAutocheckpointFrames);
        resolve();
      } else if (message.kind === 'hold-writers') {
        void holdWriters().then(
          (letGo) => {
            // The thread ended while we waited for the running transaction: nothing to hold for.
            if (exited) return void letGo();
            // Should the thread hang mid-checkpoint, ingest must not wait for it forever.
            const timer = setTimeout(() => void releaseWriters(), options.maxHoldMs ?? 2_000);
            timer.unref();
            held = { letGo, timer };
            worker.postMessage({ kind: 'writers-held' } satisfies CheckpointServerMessage);
          },
          (err: unknown) => {
            log(`[faultline] could not hold the writers for a checkpoint: ${(err as Error).message}`);
            if (!exited) worker.postMessage({ kind: 'hold-refused' } satisfies CheckpointServerMessage);
          },
        );
      } else if (message.kind === 'release-writers') {
        void releaseWriters();
      } else log(`[faultline] SQLite checkpoint failed: ${message.message}`);
    });
    worker.on('error', (err) => {
      log(`[faultline] the SQLite checkpointer thread failed: ${err.message}`);
      reject(err);
    });
    worker.on('exit', (code) => {
      exited = true;
      setThreshold(defaultAutocheckpointFrames);
      void releaseWriters();
      if (!stopping) log(`[faultline] the SQLite checkpointer thread exited (code ${code}); SQLite checkpoints on commit again.`);
      reject(new Error(`the checkpointer thread exited with code ${code}`));
    });
  });
  // Failures are logged above; callers that do not await `ready` must not see an unhandled rejection.
  ready.catch(() => undefined);
  return {
    ready,
    async stop() {
      stopping = true;
      await worker.terminate();
      await releaseWriters();
      setThreshold(defaultAutocheckpointFrames);
    },
  };
}

/**
 * The checkpointer for the server's own database: its SQLite connection, holding the driver
 * adapter's transactions for the rewind. Null on PostgreSQL, or when the bundle is missing.
 */
export async function startDatabaseCheckpointer(db: Database, workerFile: string, options: SqliteCheckpointerOptions = {}): Promise<SqliteCheckpointer | null> {
  if (db.target.provider !== 'sqlite') return null;
  return startSqliteCheckpointer(sqliteConnectionOf(await db.adapter()), db.target.filePath, () => holdTransactions(db), workerFile, options);
}
