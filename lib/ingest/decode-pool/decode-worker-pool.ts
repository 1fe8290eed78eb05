// Owns a small pool of decode worker threads: FIFO queue, one job per worker at a time, a dead
// worker replaced on the next job, and its in-flight job answered 'worker-lost' (the route's 503).
// It deals in data only (see DecodeOutcome): it lives on globalThis across Next dev reloads, and
// error classes from an old module instance would fail the new instance's instanceof checks.
import { Worker } from 'node:worker_threads';
import type { DecodeJob, DecodeOutcome, DecodeReply, DecodeRequest } from './decode-job';

interface PendingJob {
  id: number;
  job: DecodeJob;
  resolve: (outcome: DecodeOutcome) => void;
}

interface PoolWorker {
  worker: Worker;
  current: PendingJob | null;
  /** Why the worker failed, when it reported an error before exiting. */
  failure: Error | null;
}

export interface DecodeWorkerPool {
  /** Never rejects: failures come back as `{ ok: false, error }` (threadId tells tests where it ran). */
  run(job: DecodeJob): Promise<DecodeOutcome>;
  /** Live workers, for tests that kill one mid-job. */
  workers(): readonly Worker[];
  close(): Promise<void>;
}

/**
 * The body's buffer is moved to the worker instead of copied. A view on a larger or shared
 * buffer (e.g. a slice of Node's Buffer pool) is copied first: moving it would detach bytes
 * that other code still owns.
 */
function transferable(body: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = body.buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return whole ? (body as Uint8Array<ArrayBuffer>) : body.slice();
}

const lost = (detail: string): DecodeOutcome => ({ ok: false, error: { kind: 'worker-lost', detail } });

export function createDecodeWorkerPool(workerFile: string, size: number): DecodeWorkerPool {
  const live: PoolWorker[] = [];
  const queue: PendingJob[] = [];
  let nextId = 1;
  let closed = false;

  function settle(pw: PoolWorker, reply: DecodeReply): void {
    const job = pw.current;
    pw.current = null;
    pw.worker.unref();
    if (job && job.id === reply.id) {
      const { id: _, ...outcome } = reply;
      job.resolve(outcome);
    }
    dispatch();
  }

  function spawn(): PoolWorker {
    const pw: PoolWorker = { worker: new Worker(workerFile), current: null, failure: null };
    // Idle workers must not keep a CLI, a test run or a stopping server alive; a busy one is
    // ref'd until it answers, or a caller awaiting only its job could see the process exit first.
    pw.worker.unref();
    pw.worker.on('message', (reply: DecodeReply) => settle(pw, reply));
    pw.worker.on('error', (err) => {
      pw.failure = err;
      console.error('[faultline] an ingest decode worker failed:', err.message);
    });
    pw.worker.on('exit', (code) => {
      const index = live.indexOf(pw);
      if (index >= 0) live.splice(index, 1);
      const job = pw.current;
      pw.current = null;
      job?.resolve(lost(pw.failure ? pw.failure.message : `worker exited with code ${code}`));
      // Queued jobs get a replacement worker.
      dispatch();
    });
    live.push(pw);
    return pw;
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      const pw = live.find((w) => w.current === null) ?? (live.length < size ? spawn() : undefined);
      if (!pw) return;
      const pending = queue.shift() as PendingJob;
      pw.current = pending;
      pw.worker.ref();
      const body = transferable(pending.job.body);
      const request: DecodeRequest = { id: pending.id, job: { ...pending.job, body } };
      pw.worker.postMessage(request, [body.buffer]);
    }
  }

  return {
    run(job) {
      if (closed) return Promise.resolve(lost('the decode pool is closed'));
      return new Promise<DecodeOutcome>((resolve) => {
        queue.push({ id: nextId++, job, resolve });
        dispatch();
      });
    },
    workers: () => live.map((w) => w.worker),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.resolve(lost('the decode pool is closed'));
      await Promise.all(live.map((w) => w.worker.terminate()));
    },
  };
}
