// The retention job inside the server process: one pass every interval (an interval job,
// lib/jobs), failures logged and survived. Started by prepareServer after
// migrations; every replica runs one, and the lease lets one prune at a time.
import type { Database } from '@/lib/db/client';
import { releaseLease } from '@/lib/db/queries/release-lease';
import { describeError } from '@/lib/alerts/describe-error';
import { newLeaseHolder, startIntervalJob } from '@/lib/jobs/start-interval-job';
import { setMinuteRollupRetention } from './minute-rollup-horizon';
import type { RetentionSettings } from './retention-cutoffs';
import { describeRetentionPass, type RetentionPassResult, retentionLeaseName, runRetentionPass } from './run-retention-pass';

export interface RetentionRunnerOptions {
  intervalMs: number;
  settings: RetentionSettings;
  log?: (line: string) => void;
  /** Delay before the first pass, so start-up never waits for one. */
  firstPassDelayMs?: number;
  batchSize?: number;
}

export interface RetentionRunner {
  /** This process's lease holder id. */
  readonly holder: string;
  /** Passes finished so far (pruned or not). */
  readonly passes: number;
  /** The last finished pass, if any. */
  readonly lastPass: RetentionPassResult | undefined;
  /** Stops between two batches, waits for the pass to end and gives the lease up. */
  stop(): Promise<void>;
}

/** Two intervals, and never under a minute: a replica that stops renewing is replaced after this. */
export function retentionLeaseMs(intervalMs: number): number {
  return Math.max(2 * intervalMs, 60_000);
}

export function startRetentionRunner(db: Database, options: RetentionRunnerOptions): RetentionRunner {
  const log = options.log ?? console.log;
  const holder = newLeaseHolder();
  let passes = 0;
  let lastPass: RetentionPassResult | undefined;
  // From now on this process's reads stop relying on minute rollups the job may delete.
  setMinuteRollupRetention(options.settings.rawDays);

  const pass = async () => {
    const startedAt = Date.now();
    try {
      lastPass = await runRetentionPass(db, {
        holder,
        nowMs: startedAt,
        leaseMs: retentionLeaseMs(options.intervalMs),
        settings: options.settings,
        batchSize: options.batchSize,
        shouldStop: () => job.stopping,
      });
      const line = describeRetentionPass(lastPass, options.settings, Date.now() - startedAt);
      if (line) log(line);
    } catch (err) {
      log(`[faultline] retention: pruning failed, retrying next interval: ${describeError(err)}`);
    } finally {
      passes++;
    }
  };

  const job = startIntervalJob(pass, { intervalMs: options.intervalMs, firstDelayMs: options.firstPassDelayMs ?? 10_000 });

  return {
    holder,
    get passes() {
      return passes;
    },
    get lastPass() {
      return lastPass;
    },
    async stop() {
      await job.stop();
      await releaseLease(db, retentionLeaseName, holder).catch(() => false);
    },
  };
}
