// Loads what the rules read for a range, through lib/db/queries only: the rollup counts first,
// then just the individual calls those counts say the rules need (see plan-call-samples.ts).
import type { Database } from '@/lib/db/client';
import type { CallRange } from '@/lib/db/queries/call-sample';
import { getKeyStatusTimeline } from '@/lib/db/queries/get-key-status-timeline';
import { listEndpointsByIds } from '@/lib/db/queries/list-endpoints-by-ids';
import { listRecentCallsByStatus } from '@/lib/db/queries/list-recent-calls-by-status';
import { listRecentCallsOfGroups } from '@/lib/db/queries/list-recent-calls-of-groups';
import { listRecentCallsOfKeys } from '@/lib/db/queries/list-recent-calls-of-keys';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { sumCallGroups } from '@/lib/db/queries/sum-call-groups';
import { sumErrorKeyGroups } from '@/lib/db/queries/sum-error-key-groups';
import type { DiagnosisEvidence, DiagnosisScope, EndpointInfo } from './diagnosis-evidence';
import { planCallSamples } from './plan-call-samples';
import { mergeSamples, planGroupTopUps, topUpTarget } from './plan-group-top-ups';

/** Statuses whose error keys the rules read (formats, conflicts, field messages). */
export const errorKeyStatuses = [406, 409, 422] as const;
// Distinct error keys kept; field messages that embed values could otherwise grow without bound.
const maxErrorKeys = 2000;

export async function loadDiagnosisEvidence(db: Database, scope: DiagnosisScope): Promise<DiagnosisEvidence> {
  // Whole minutes the range touches; the samples below use the exact range.
  const filter: RollupFilter = {
    fromMinute: Math.floor(scope.fromMs / 60_000),
    toMinute: Math.ceil(scope.toMs / 60_000),
    environment: scope.environment,
  };
  const range: CallRange = { fromMs: scope.fromMs, toMs: scope.toMs, environment: scope.environment };
  const [groups, errorKeys] = await Promise.all([
    sumCallGroups(db, filter),
    sumErrorKeyGroups(db, filter, { statuses: errorKeyStatuses, limit: maxErrorKeys }),
  ]);
  const plan = planCallSamples(groups);
  const [endpointRows, byStatus, context, timelines] = await Promise.all([
    listEndpointsByIds(db, groups.map((g) => g.endpointId)),
    listRecentCallsByStatus(db, range, plan.statusQuotas),
    listRecentCallsOfKeys(db, range, plan.contextKeys),
    Promise.all(plan.timelineSubjects.map((subject) => getKeyStatusTimeline(db, range, subject))),
  ]);
  const topUps = planGroupTopUps(groups, byStatus, scope);
  const extra = topUps.length ? await listRecentCallsOfGroups(db, topUps, topUpTarget) : [];
  const endpoints = new Map<string, EndpointInfo>(
    endpointRows.map((e) => [e.id, { id: e.id, method: e.method, host: e.host, route: e.route }]),
  );
  return { scope, endpoints, groups, errorKeys, failures: mergeSamples(byStatus, extra), context, timelines };
}
