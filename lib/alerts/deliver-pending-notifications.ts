// Sends the notifications that are due: a few at a time, each attempt capped by a timeout, in
// rounds until none is due or the time budget is spent, so a slow or dead webhook delays only
// its own notice. Failed attempts are retried with exponential backoff; after maxAttempts the
// delivery is marked failed. Runs after the tick's evaluation, never inside its transactions.
import type { Database } from '@/lib/db/client';
import { type ClaimedAlertDelivery, claimDueAlertDeliveries } from '@/lib/db/queries/claim-due-alert-deliveries';
import { recordAlertDeliveryResult } from '@/lib/db/queries/record-alert-delivery-result';
import { getAlertRule } from './alert-rules';
import { listChannelTargets } from './list-channel-targets';
import { postAlertWebhook } from './post-alert-webhook';
import type { AlertChannel, AlertRule } from './schemas/alert-rule-request-schema';

export interface DeliveryOptions {
  /** The tick's time: which deliveries are due, and when retries become due. */
  nowMs: number;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts at once. */
  concurrency: number;
  /** No new round starts after this much wall-clock time. */
  budgetMs: number;
  maxAttempts: number;
  /** Delay before the second attempt; doubles with each further one. */
  backoffMs: number;
}

export const defaultDeliveryOptions: Omit<DeliveryOptions, 'nowMs'> = {
  timeoutMs: 5_000,
  concurrency: 4,
  budgetMs: 15_000,
  maxAttempts: 5,
  backoffMs: 30_000,
};

export interface DeliverySummary {
  delivered: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  failed: number;
}

/** When the attempt after `attempts` failed ones is due: backoff, 2×, 4×… after nowMs. */
export function retryDelayMs(attempts: number, backoffMs: number): number {
  return backoffMs * 2 ** Math.max(0, attempts - 1);
}

type Channel = { url: string; type: AlertChannel['type'] };

function channelOf(rule: AlertRule | null, target: string): Channel | string {
  if (!rule) return 'the rule was deleted';
  const index = listChannelTargets(rule.channels).indexOf(target);
  const channel = rule.channels[index];
  return channel ?? 'the rule no longer has this channel';
}

export async function deliverPendingNotifications(db: Database, options: Partial<DeliveryOptions> & { nowMs: number }): Promise<DeliverySummary> {
  const o: DeliveryOptions = { ...defaultDeliveryOptions, ...options };
  const summary: DeliverySummary = { delivered: 0, retrying: 0, failed: 0 };
  const rules = new Map<string, Promise<AlertRule | null>>();
  const ruleOf = (id: string) => {
    let rule = rules.get(id);
    if (!rule) {
      rule = getAlertRule(db, id);
      rules.set(id, rule);
    }
    return rule;
  };
  const started = performance.now();
  // A claim outlasts any attempt, so a process that dies mid-send leaves the delivery to be retried later.
  const holdMs = o.timeoutMs + o.backoffMs;
  while (performance.now() - started < o.budgetMs) {
    const claimed = await claimDueAlertDeliveries(db, { nowMs: o.nowMs, holdMs, limit: o.concurrency });
    if (claimed.length === 0) break;
    // Settled, not raced: a failure to record one result must not leave the round's other attempts running unwatched.
    const results = await Promise.allSettled(claimed.map((d) => attempt(db, d, ruleOf, o, summary)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }
  return summary;
}

async function attempt(
  db: Database,
  delivery: ClaimedAlertDelivery,
  ruleOf: (id: string) => Promise<AlertRule | null>,
  o: DeliveryOptions,
  summary: DeliverySummary,
): Promise<void> {
  const channel = channelOf(await ruleOf(delivery.ruleId), delivery.target);
  if (typeof channel === 'string') {
    summary.failed++;
    await recordAlertDeliveryResult(db, delivery.id, { status: 'failed', httpStatus: null, error: channel, nextAttemptMs: null, nowMs: o.nowMs });
    return;
  }
  const outcome = await postAlertWebhook(channel.url, delivery.payload, o.timeoutMs);
  if (outcome.ok) {
    summary.delivered++;
    await recordAlertDeliveryResult(db, delivery.id, { status: 'delivered', httpStatus: outcome.httpStatus, error: null, nextAttemptMs: null, nowMs: o.nowMs });
    return;
  }
  const retry = outcome.retryable && delivery.attempts < o.maxAttempts;
  if (retry) summary.retrying++;
  else summary.failed++;
  await recordAlertDeliveryResult(db, delivery.id, {
    status: retry ? 'pending' : 'failed',
    httpStatus: outcome.httpStatus,
    error: outcome.error,
    nextAttemptMs: retry ? o.nowMs + retryDelayMs(delivery.attempts, o.backoffMs) : null,
    nowMs: o.nowMs,
  });
}
