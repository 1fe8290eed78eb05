// The alert runner inside the server process: one evaluation tick every interval (an interval
// job, lib/jobs), failures logged and survived. Started by prepareServer after migrations;
// every replica runs one, and the lease lets one evaluate.
import type { Database } from '@/lib/db/client';
import { releaseLease } from '@/lib/db/queries/release-lease';
import { newLeaseHolder, startIntervalJob } from '@/lib/jobs/start-interval-job';
import type { DeliveryOptions } from './deliver-pending-notifications';
import { describeError } from './describe-error';
import { alertLeaseName, runAlertEvaluation } from './run-alert-evaluation';

export interface AlertRunnerOptions {
  intervalMs: number;
  baseUrl: string;
  log?: (line: string) => void;
  /** Delay before the first tick, so start-up never waits for an evaluation. */
  firstTickDelayMs?: number;
  delivery?: Partial<Omit<DeliveryOptions, 'nowMs'>>;
}

export interface AlertRunner {
  /** This process's lease holder id. */
  readonly holder: string;
  /** Ticks finished so far (evaluated or not). */
  readonly ticks: number;
  /** Stops ticking, waits for a running tick and gives the lease up for another replica. */
  stop(): Promise<void>;
}

/** A few intervals, and never under 30 s: a replica that stops renewing is replaced after this. */
export function alertLeaseMs(intervalMs: number): number {
  return Math.max(3 * intervalMs, 30_000);
}

export function startAlertRunner(db: Database, options: AlertRunnerOptions): AlertRunner {
  const log = options.log ?? console.log;
  const holder = newLeaseHolder();
  const leaseMs = alertLeaseMs(options.intervalMs);
  let ticks = 0;
  let wasEvaluator: boolean | undefined;

  const tick = async () => {
    try {
      const result = await runAlertEvaluation(db, {
        holder,
        nowMs: Date.now(),
        leaseMs,
        baseUrl: options.baseUrl,
        log,
        delivery: options.delivery,
      });
      const evaluator = result.evaluated && !result.leaseLost;
      // Said once per change, not every tick.
      if (evaluator !== wasEvaluator) {
        log(evaluator ? '[faultline] alerts: this process evaluates the alert rules' : '[faultline] alerts: another process evaluates the alert rules');
        wasEvaluator = evaluator;
      }
    } catch (err) {
      log(`[faultline] alerts: evaluation failed, retrying next interval: ${describeError(err)}`);
    } finally {
      ticks++;
    }
  };

  const job = startIntervalJob(tick, { intervalMs: options.intervalMs, firstDelayMs: options.firstTickDelayMs ?? 1_000 });

  return {
    holder,
    get ticks() {
      return ticks;
    },
    async stop() {
      await job.stop();
      await releaseLease(db, alertLeaseName, holder).catch(() => false);
    },
  };
}
