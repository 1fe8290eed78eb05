// Test support: the evidence the loader would read for some calls, computed in memory with the
// loader's own sampling plan, so rule tests state calls, not rollup rows. The integration tests
// check the real loader returns the same evidence for the same calls.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { DiagnosisEvidence, DiagnosisScope, EndpointInfo, KeyTimeline, SampledCall } from './diagnosis-evidence';
import { errorKeyStatuses } from './load-diagnosis-evidence';
import { planCallSamples } from './plan-call-samples';
import { mergeSamples, planGroupTopUps, topUpTarget } from './plan-group-top-ups';
import { isSuccess } from './status-kind';

type Call = ClassifiedRequest & { id: number };

const newestFirst = (a: Call, b: Call) => b.startMs - a.startMs || b.id - a.id;

function toSample(c: Call): SampledCall {
  return {
    id: c.id,
    traceId: c.traceId,
    startMs: c.startMs,
    durationMs: c.durationMs,
    service: c.service,
    environment: c.environment,
    endpointId: c.endpointId,
    statusCode: c.statusCode,
    key: c.apiKeyFingerprint,
    authScheme: c.authScheme,
    accept: c.accept,
    retryAfter: c.retryAfter,
    resendCount: c.resendCount,
    errorKey: c.errorKeys[0] ?? null,
    errorBody: c.errorBody === null ? null : c.errorBody.slice(0, 1000),
  };
}

function count<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function timelineOf(calls: readonly Call[], service: string, key: string, fromMs: number): KeyTimeline {
  const mine = calls.filter((c) => c.service === service && c.apiKeyFingerprint === key);
  const oks = mine.filter((c) => isSuccess(c.statusCode)).map((c) => c.startMs);
  const lastOkMs = oks.length ? Math.max(...oks) : null;
  const after = mine.filter((c) => c.startMs > (lastOkMs ?? fromMs - 1));
  const unauthorized = after.filter((c) => c.statusCode === 401).map((c) => c.startMs);
  return {
    service,
    key,
    lastOkMs,
    callsAfter: after.length,
    unauthorizedAfter: unauthorized.length,
    onsetMs: unauthorized.length ? Math.min(...unauthorized) : null,
    lastAfterMs: after.length ? Math.max(...after.map((c) => c.startMs)) : null,
  };
}

/** The evidence of `requests` (ids are their positions, from 1) for a scope; the range defaults to the calls' span. */
export function evidenceFromCalls(requests: readonly ClassifiedRequest[], scope: Partial<DiagnosisScope> = {}): DiagnosisEvidence {
  const starts = requests.map((r) => r.startMs);
  const fromMs = scope.fromMs ?? (starts.length ? Math.floor(Math.min(...starts) / 60_000) * 60_000 : 0);
  const toMs = scope.toMs ?? (starts.length ? Math.max(...starts) + 1 : 1);
  const full: DiagnosisScope = { ...scope, fromMs, toMs };
  const calls: Call[] = requests
    .map((r, i) => ({ ...r, id: i + 1 }))
    .filter((c) => c.startMs >= fromMs && c.startMs < toMs && (scope.environment === undefined || c.environment === scope.environment));

  const endpoints = new Map<string, EndpointInfo>(calls.map((c) => [c.endpointId, { id: c.endpointId, method: c.method, host: c.host, route: c.route }]));
  const groups = [...count(calls, (c) => [c.service, c.environment, c.apiKeyFingerprint, c.endpointId, c.statusCode].join('\n')).values()].map((list) => {
    const c = list[0] as Call;
    const minutes = list.map((x) => Math.floor(x.startMs / 60_000));
    return {
      service: c.service,
      environment: c.environment,
      key: c.apiKeyFingerprint,
      endpointId: c.endpointId,
      statusCode: c.statusCode,
      calls: list.length,
      firstMinute: Math.min(...minutes),
      lastMinute: Math.max(...minutes),
    };
  });
  const keyed = calls.filter((c) => (errorKeyStatuses as readonly number[]).includes(c.statusCode)).flatMap((c) => c.errorKeys.map((errorKey) => ({ c, errorKey })));
  const errorKeys = [...count(keyed, ({ c, errorKey }) => [c.service, c.apiKeyFingerprint, c.endpointId, c.statusCode, errorKey].join('\n')).values()].map((list) => {
    const { c, errorKey } = list[0] as (typeof keyed)[number];
    return { service: c.service, key: c.apiKeyFingerprint, endpointId: c.endpointId, statusCode: c.statusCode, errorKey, calls: list.length };
  });

  const plan = planCallSamples(groups);
  const byStatus = plan.statusQuotas.flatMap((q) => calls.filter((c) => c.statusCode === q.statusCode).sort(newestFirst).slice(0, q.limit).map(toSample));
  const topUps = planGroupTopUps(groups, byStatus, full).flatMap((w) =>
    calls
      .filter(
        (c) =>
          c.endpointId === w.endpointId && c.startMs >= w.fromMs && c.startMs < w.toMs && c.statusCode === w.statusCode &&
          c.apiKeyFingerprint === w.key && c.service === w.service && c.environment === w.environment,
      )
      .sort(newestFirst)
      .slice(0, topUpTarget)
      .map(toSample),
  );
  const context = plan.contextKeys.flatMap((q) =>
    calls
      .filter((c) => c.apiKeyFingerprint === q.key && (!q.endpointIds || q.endpointIds.includes(c.endpointId)))
      .sort(newestFirst)
      .slice(0, q.limit)
      .map(toSample),
  );
  const timelines = plan.timelineSubjects.map((s) => timelineOf(calls, s.service, s.key, fromMs));
  return { scope: full, endpoints, groups, errorKeys, failures: mergeSamples(byStatus, topUps), context, timelines };
}
