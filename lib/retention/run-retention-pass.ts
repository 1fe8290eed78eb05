// One retention pass: only the process holding the retention lease prunes. Each kind of old data
// is deleted in batches of a few thousand rows, each its own short statement or transaction, and
// between batches the pass sleeps at least as long as the batch took, so ingest always gets the
// database at least half the time and never waits behind more than one batch.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '@/lib/db/client';
import { acquireLease, type LeaseRequest } from '@/lib/db/queries/acquire-lease';
import { deleteOldAlertDeliveries, deleteOldAlertEvents } from '@/lib/db/queries/delete-old-alert-history';
import { deleteOldRequests } from '@/lib/db/queries/delete-old-requests';
import { type CoarseRollupTable, deleteOldRollups } from '@/lib/db/queries/delete-old-rollups';
import { foldOldIngestMinutes } from '@/lib/db/queries/fold-old-ingest-minutes';
import { pruneLoginFailures } from '@/lib/db/login-failures';
import { deleteExpiredSessions } from '@/lib/db/users';
import { coarseGrains } from '@/lib/rollup/plan-rollup-segments';
import { type RetentionSettings, retentionCutoffs } from './retention-cutoffs';

export const retentionLeaseName = 'retention';
export const defaultBatchSize = 2_000;

export interface RetentionPassOptions {
  /** This process's lease holder id. */
  holder: string;
  nowMs: number;
  /** How long the lease lasts without renewal; it is renewed during a long pass. */
  leaseMs: number;
  settings: RetentionSettings;
  /** Rows per statement. */
  batchSize?: number;
  /** Shortest sleep between batches. */
  minPauseMs?: number;
  /** Asked between batches: true ends the pass there (the server is stopping). */
  shouldStop?: () => boolean;
}

export interface RetentionPassResult {
  /** Whether this process held the lease and pruned. */
  ran: boolean;
  /** Raw calls deleted (their error keys go with them). */
  calls: number;
  minuteRollups: number;
  coarseRollups: number;
  /** Folded ingest counters, alert history, login failures and expired sessions. */
  other: number;
  batches: number;
  /** The lease was taken over during the pass; pruning stopped there. */
  leaseLost: boolean;
  stopped: boolean;
}

type Counter = 'calls' | 'minuteRollups' | 'coarseRollups' | 'other';

interface Task {
  counter: Counter;
  /** Deletes one batch; returns the rows removed (0 when done). */
  run: () => Promise<number>;
}

function pruneTasks(db: Database, options: RetentionPassOptions, limit: number): Task[] {
  const cut = retentionCutoffs(options.settings, options.nowMs);
  const coarse = (table: CoarseRollupTable): Task[] =>
    coarseGrains.map((grain) => ({ counter: 'coarseRollups', run: () => deleteOldRollups(db, table, cut.coarseRollupsBeforeMinute, limit, grain) }));
  return [
    { counter: 'calls', run: () => deleteOldRequests(db, cut.requestsBeforeMs, limit) },
    { counter: 'minuteRollups', run: () => deleteOldRollups(db, 'request_minutes', cut.minuteRollupsBeforeMinute, limit) },
    { counter: 'minuteRollups', run: () => deleteOldRollups(db, 'error_key_minutes', cut.minuteRollupsBeforeMinute, limit) },
    ...coarse('request_rollups'),
    ...coarse('error_key_rollups'),
    ...coarse('status_total_rollups'),
    ...coarse('status_rollups'),
    ...coarse('endpoint_rollups'),
    ...coarse('key_rollups'),
    { counter: 'other', run: () => foldOldIngestMinutes(db, cut.ingestMinutesBeforeMinute, limit) },
    { counter: 'other', run: () => deleteOldAlertEvents(db, cut.alertHistoryBeforeMs, limit) },
    { counter: 'other', run: () => deleteOldAlertDeliveries(db, cut.alertHistoryBeforeMs, limit) },
    // Small tables: sign-in already prunes them, this only covers a server nobody signs in to.
    { counter: 'other', run: () => pruneLoginFailures(db, cut.loginFailuresBeforeMs) },
    { counter: 'other', run: () => deleteExpiredSessions(db, new Date(cut.sessionsExpiredBeforeMs)) },
  ];
}

export async function runRetentionPass(db: Database, options: RetentionPassOptions): Promise<RetentionPassResult> {
  const result: RetentionPassResult = { ran: false, calls: 0, minuteRollups: 0, coarseRollups: 0, other: 0, batches: 0, leaseLost: false, stopped: false };
  const lease: LeaseRequest = { name: retentionLeaseName, holder: options.holder, nowMs: Date.now(), ttlMs: options.leaseMs };
  if (!(await acquireLease(db, lease))) return result;
  result.ran = true;
  let renewedAt = Date.now();
  const limit = options.batchSize ?? defaultBatchSize;
  const minPauseMs = options.minPauseMs ?? 5;
  for (const task of pruneTasks(db, options, limit)) {
    for (;;) {
      if (options.shouldStop?.()) {
        result.stopped = true;
        return result;
      }
      if (Date.now() - renewedAt > options.leaseMs / 3) {
        renewedAt = Date.now();
        if (!(await acquireLease(db, { ...lease, nowMs: renewedAt }))) {
          result.leaseLost = true;
          return result;
        }
      }
      const startedAt = performance.now();
      const removed = await task.run();
      result.batches++;
      result[task.counter] += removed;
      if (removed === 0) break;
      await sleep(Math.max(minPauseMs, performance.now() - startedAt));
    }
  }
  return result;
}

/** The log line of a pass that deleted something, or null. */
export function describeRetentionPass(result: RetentionPassResult, settings: RetentionSettings, elapsedMs: number): string | null {
  if (result.calls + result.minuteRollups + result.coarseRollups + result.other === 0) return null;
  const n = (value: number) => value.toLocaleString('en-US');
  const parts = [
    `${n(result.calls)} calls and ${n(result.minuteRollups)} minute rollup rows older than ${settings.rawDays} days`,
    `${n(result.coarseRollups)} rollup rows older than ${settings.rollupDays} days`,
  ];
  if (result.other > 0) parts.push(`${n(result.other)} other rows`);
  const stoppedEarly = result.leaseLost ? ', then another process took over' : result.stopped ? ', stopped early' : '';
  return `[faultline] retention: deleted ${parts.join(', ')} in ${n(result.batches)} batches (${(elapsedMs / 1000).toFixed(1)} s${stoppedEarly})`;
}
