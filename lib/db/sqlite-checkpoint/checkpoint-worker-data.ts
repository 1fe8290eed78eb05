// The messages between the server and its SQLite checkpointer thread (checkpoint-worker-main.ts).

export interface CheckpointWorkerData {
  filePath: string;
  intervalMs: number;
  /** WAL frames (pages) past which a RESTART checkpoint rewinds the WAL. */
  restartFrames: number;
  busyTimeoutMs: number;
}

/** A row of PRAGMA wal_checkpoint: frames in the WAL (`log`) and those copied back (`checkpointed`). */
export interface WalCheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** From the thread: started; hold the writers for a RESTART; done with them; a checkpoint failed. */
export type CheckpointWorkerMessage = { kind: 'ready' } | { kind: 'hold-writers' } | { kind: 'release-writers' } | { kind: 'error'; message: string };

/** From the server: its writers are held (until 'release-writers'), or could not be. */
export type CheckpointServerMessage = { kind: 'writers-held' } | { kind: 'hold-refused' };
