// One rule, one tick: measure every instance, decide each against its stored state, build the
// notifications (with the likely cause) and store it all in one transaction that only commits
// while this process still holds the evaluator lease.
import type { Database } from '@/lib/db/client';
import type { LeaseRequest } from '@/lib/db/queries/acquire-lease';
import { listAlertInstanceStates } from '@/lib/db/queries/list-alert-instance-states';
import { type AlertDeliveryWrite, type SaveAlertEvaluationResult, saveAlertEvaluation } from '@/lib/db/save-alert-evaluation';
import type { Finding } from '@/lib/diagnose/finding';
import { buildAlertPayload, channelBody } from './build-alert-payload';
import { describeError } from './describe-error';
import { diagnoseAlertInstances } from './diagnose-alert-instances';
import { labelAlertInstances } from './label-alert-instances';
import { listChannelTargets } from './list-channel-targets';
import { measureAlertInstances } from './measure-alert-instances';
import { type AlertNotice, planAlertChanges } from './plan-alert-changes';
import type { AlertRule } from './schemas/alert-rule-request-schema';

export interface RuleEvaluationContext {
  nowMs: number;
  lease: LeaseRequest;
  baseUrl: string;
  log: (line: string) => void;
}

export interface RuleEvaluation {
  result: SaveAlertEvaluationResult;
  /** State changes recorded in the rule's history. */
  events: number;
  /** Notifications queued (one per notice and channel). */
  deliveries: number;
}

export async function evaluateAlertRule(db: Database, rule: AlertRule, ctx: RuleEvaluationContext): Promise<RuleEvaluation> {
  const [observations, stored] = await Promise.all([measureAlertInstances(db, rule, ctx.nowMs), listAlertInstanceStates(db, rule.id)]);
  const changes = planAlertChanges(rule, stored, observations, ctx.nowMs);
  const deliveries = changes.notices.length > 0 && rule.channels.length > 0 ? await buildDeliveries(db, rule, changes.notices, ctx) : [];
  const result = await saveAlertEvaluation(db, {
    ruleId: rule.id,
    ruleUpdatedMs: Date.parse(rule.updatedAt),
    nowMs: ctx.nowMs,
    lease: ctx.lease,
    instances: changes.instances,
    events: changes.events,
    deliveries,
  });
  return { result, events: result === 'saved' ? changes.events.length : 0, deliveries: result === 'saved' ? deliveries.length : 0 };
}

async function buildDeliveries(db: Database, rule: AlertRule, notices: AlertNotice[], ctx: RuleEvaluationContext): Promise<AlertDeliveryWrite[]> {
  const keys = notices.map((n) => n.instanceKey);
  // A resolved notice describes recovered traffic: the cause of the episode is not in its window.
  const firingKeys = notices.filter((n) => n.kind !== 'resolved').map((n) => n.instanceKey);
  // The notice matters more than its garnish: without a diagnosis or labels it still goes out.
  const [diagnoses, labels] = await Promise.all([
    diagnoseAlertInstances(db, rule, firingKeys, ctx.nowMs).catch((err: unknown) => {
      ctx.log(`[faultline] alerts: diagnosis for rule ${rule.id} failed, notifying without it: ${describeError(err)}`);
      return new Map<string, Finding | null>();
    }),
    labelAlertInstances(db, rule.scope.each, keys).catch(() => new Map<string, string>()),
  ]);
  const targets = listChannelTargets(rule.channels);
  return notices.flatMap((notice) => {
    const payload = buildAlertPayload({
      rule,
      notice,
      instanceLabel: labels.get(notice.instanceKey) ?? null,
      diagnosis: diagnoses.get(notice.instanceKey) ?? null,
      baseUrl: ctx.baseUrl,
      nowMs: ctx.nowMs,
    });
    return rule.channels.map((channel, i) => ({
      instanceKey: notice.instanceKey,
      episode: notice.next.episode,
      kind: notice.kind,
      target: targets[i] ?? '',
      payload: channelBody(channel, payload),
    }));
  });
}
