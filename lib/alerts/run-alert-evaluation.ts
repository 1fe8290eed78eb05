// One evaluation tick. Only the process holding the evaluator lease evaluates: it renews the
// lease, evaluates every enabled rule (each in its own transaction, fenced by the lease), then
// sends the notifications that are due. A rule that fails is logged and skipped; a process that
// finds the lease taken over stops at once.
import type { Database } from '@/lib/db/client';
import { acquireLease, type LeaseRequest } from '@/lib/db/queries/acquire-lease';
import { listAlertRules } from './alert-rules';
import { type DeliveryOptions, type DeliverySummary, deliverPendingNotifications } from './deliver-pending-notifications';
import { describeError } from './describe-error';
import { evaluateAlertRule } from './evaluate-alert-rule';

export const alertLeaseName = 'alert-evaluator';

export interface AlertTickOptions {
  /** This process's lease holder id. */
  holder: string;
  nowMs: number;
  /** How long the lease lasts without renewal (a few intervals). */
  leaseMs: number;
  /** Dashboard links in notifications start with this. */
  baseUrl: string;
  log?: (line: string) => void;
  delivery?: Partial<Omit<DeliveryOptions, 'nowMs'>>;
}

export interface AlertTickResult {
  /** Whether this process held the lease and evaluated. */
  evaluated: boolean;
  /** Rules evaluated and stored. */
  rules: number;
  /** Rules skipped: edited or deleted meanwhile, or failed. */
  skipped: number;
  /** State changes recorded. */
  events: number;
  /** Notifications queued by this tick. */
  queued: number;
  deliveries: DeliverySummary;
  /** The lease was taken over during the tick; evaluation stopped there. */
  leaseLost: boolean;
}

export async function runAlertEvaluation(db: Database, options: AlertTickOptions): Promise<AlertTickResult> {
  const log = options.log ?? console.log;
  const result: AlertTickResult = {
    evaluated: false,
    rules: 0,
    skipped: 0,
    events: 0,
    queued: 0,
    deliveries: { delivered: 0, retrying: 0, failed: 0 },
    leaseLost: false,
  };
  const lease: LeaseRequest = { name: alertLeaseName, holder: options.holder, nowMs: options.nowMs, ttlMs: options.leaseMs };
  if (!(await acquireLease(db, lease))) return result;
  result.evaluated = true;
  const rules = (await listAlertRules(db)).filter((rule) => rule.enabled);
  for (const rule of rules) {
    try {
      const outcome = await evaluateAlertRule(db, rule, { nowMs: options.nowMs, lease, baseUrl: options.baseUrl, log });
      if (outcome.result === 'lease_lost') {
        result.leaseLost = true;
        return result;
      }
      if (outcome.result === 'rule_changed') {
        result.skipped++;
        continue;
      }
      result.rules++;
      result.events += outcome.events;
      result.queued += outcome.deliveries;
    } catch (err) {
      result.skipped++;
      log(`[faultline] alerts: rule ${rule.id} ("${rule.name}") was not evaluated: ${describeError(err)}`);
    }
  }
  result.deliveries = await deliverPendingNotifications(db, { ...options.delivery, nowMs: options.nowMs });
  return result;
}
