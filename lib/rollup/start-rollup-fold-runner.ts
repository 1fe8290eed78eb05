// The fold job inside the server process: every second, the replica holding the "rollup-fold"
// lease rebuilds the coarse rollups of the buckets ingest marked (fold-marked-buckets.ts).
// Never two passes at once in a process; failures are logged and the next pass retries (a fold
// is idempotent). Readers stay exact meanwhile, so a late or failed pass only costs speed.
import { describeError } from '@/lib/alerts/describe-error';
import type { Database } from '@/lib/db/client';
import { acquireLease } from '@/lib/db/queries/acquire-lease';
import { releaseLease } from '@/lib/db/queries/release-lease';
import { newLeaseHolder, startIntervalJob } from '@/lib/jobs/start-interval-job';
import { foldMarkedBuckets } from './fold-marked-buckets';

export const rollupFoldLeaseName = 'rollup-fold';

export interface RollupFoldRunnerOptions {
  /** Pause between passes. */
  intervalMs?: number;
  /** An open bucket is folded once it had no new calls for this long. */
  quietMs?: number;
  log?: (line: string) => void;
}

export interface RollupFoldRunner {
  /** Buckets rebuilt by this process so far. */
  readonly folded: number;
  stop(): Promise<void>;
}

export function startRollupFoldRunner(db: Database, options: RollupFoldRunnerOptions = {}): RollupFoldRunner {
  const intervalMs = options.intervalMs ?? 1_000;
  const quietMs = options.quietMs ?? 5_000;
  const log = options.log ?? console.log;
  const holder = newLeaseHolder();
  // A replica that stops renewing is replaced after this.
  const leaseMs = Math.max(30 * intervalMs, 30_000);
  let folded = 0;
  let lastError = '';

  const pass = async () => {
    try {
      if (!(await acquireLease(db, { name: rollupFoldLeaseName, holder, nowMs: Date.now(), ttlMs: leaseMs }))) return;
      const result = await foldMarkedBuckets(db, { nowMs: Date.now(), quietMs, shouldStop: () => job.stopping });
      folded += result.folded;
      lastError = '';
    } catch (err) {
      // Once per kind of failure, not every second of an outage.
      const message = describeError(err);
      if (message !== lastError) log(`[faultline] rollups: folding failed, retrying every ${intervalMs / 1000} s: ${message}`);
      lastError = message;
    }
  };

  const job = startIntervalJob(pass, { intervalMs });

  return {
    get folded() {
      return folded;
    },
    async stop() {
      await job.stop();
      await releaseLease(db, rollupFoldLeaseName, holder).catch(() => false);
    },
  };
}
