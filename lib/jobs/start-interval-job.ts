// Owns the loop the server's background jobs share (alert evaluation, retention, the rollup
// fold): one pass every interval, never two at once (the next is scheduled when one ends, so a
// slow pass delays the next instead of overlapping it), never keeping the process alive, and a
// stop that waits for the running pass.
import { randomBytes } from 'node:crypto';
import os from 'node:os';

export interface IntervalJobOptions {
  /** Pause between the end of one pass and the start of the next. */
  intervalMs: number;
  /** Delay before the first pass (default: one interval), so start-up never waits for one. */
  firstDelayMs?: number;
}

export interface IntervalJob {
  /** True once stop() was called: long passes check it between steps. */
  readonly stopping: boolean;
  /** No new pass starts; resolves when the running one (if any) has ended. */
  stop(): Promise<void>;
}

/** `pass` must handle its own errors: a rejection is swallowed so the loop goes on. */
export function startIntervalJob(pass: () => Promise<void>, options: IntervalJobOptions): IntervalJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;

  const schedule = (delayMs: number) => {
    if (stopping) return;
    timer = setTimeout(() => {
      running = pass()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          schedule(options.intervalMs);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(options.firstDelayMs ?? options.intervalMs);

  return {
    get stopping() {
      return stopping;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Random per process; the host name and pid say which replica holds a job's lease. */
export function newLeaseHolder(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
}
