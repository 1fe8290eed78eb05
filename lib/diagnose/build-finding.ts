// Assembles a Finding from what a rule decided: fills in the scope's display fields, the time
// span, up to three examples and the request-explorer filters the same way for every rule.
import type { CallGroup, DiagnosisEvidence, SampledCall } from './diagnosis-evidence';
import { endpointLabel } from './endpoint-label';
import type { Confidence, EvidenceExample, Finding, FindingCode } from './finding';

export interface FindingDraft {
  code: FindingCode;
  status: string;
  title: string;
  confidence: Confidence;
  service: string;
  /** '' for calls without a key. */
  key: string;
  endpointIds: readonly string[];
  /** How many calls the finding is about (from the rollups, exact). */
  calls: number;
  /** The rollup groups of those calls: the time span when the sample does not reach back far enough. */
  groups: readonly CallGroup[];
  /** Sampled calls behind the finding, in any order. */
  sample: readonly SampledCall[];
  figures: Record<string, number | string>;
  facts: string[];
  advice: string;
  /** One line per example: what about this call shows the cause. */
  describe(call: SampledCall): string;
  /** Explorer status filter when it is not `status` (e.g. "500,503"). */
  statusFilter?: string;
  errorKey?: string;
  /** When the cause began, when the rule knows it better than the first call (e.g. a rotation). */
  sinceMs?: number;
}

const maxExamples = 3;
const iso = (ms: number) => new Date(ms).toISOString();

// Newest first, but one per endpoint before a second from the same one, so a finding about
// several endpoints shows them.
function pickExamples(sample: readonly SampledCall[]): SampledCall[] {
  const newest = [...sample].sort((a, b) => b.startMs - a.startMs || b.id - a.id);
  const picked: SampledCall[] = [];
  const endpoints = new Set<string>();
  for (const call of newest) {
    if (picked.length === maxExamples) break;
    if (!endpoints.has(call.endpointId)) {
      picked.push(call);
      endpoints.add(call.endpointId);
    }
  }
  for (const call of newest) {
    if (picked.length === maxExamples) break;
    if (!picked.includes(call)) picked.push(call);
  }
  return picked;
}

function timeSpan(evidence: DiagnosisEvidence, draft: FindingDraft): { since: number; until: number } {
  const { fromMs, toMs } = evidence.scope;
  const starts = draft.sample.map((c) => c.startMs);
  const firstBucket = Math.min(...draft.groups.map((g) => g.firstMinute * 60_000));
  const lastBucketEnd = Math.max(...draft.groups.map((g) => g.lastMinute * 60_000 + 60_000));
  // The sample holds the newest calls: its oldest is the first call only when it holds them all.
  const sampleIsComplete = starts.length >= draft.calls && starts.length > 0;
  const fromGroups = Number.isFinite(firstBucket) ? Math.max(fromMs, firstBucket) : fromMs;
  const since = draft.sinceMs ?? (sampleIsComplete ? Math.min(...starts) : Math.min(fromGroups, ...starts));
  const until = starts.length ? Math.max(...starts) : Number.isFinite(lastBucketEnd) ? Math.min(toMs, lastBucketEnd) : toMs;
  return { since, until };
}

export function buildFinding(evidence: DiagnosisEvidence, draft: FindingDraft): Finding {
  const endpointIds = [...new Set(draft.endpointIds)].sort();
  const endpoints = endpointIds.flatMap((id) => {
    const e = evidence.endpoints.get(id);
    return e ? [e] : [];
  });
  const hosts = new Set(endpoints.map((e) => e.host));
  const single = endpointIds.length === 1 ? endpoints[0] : undefined;
  const { since, until } = timeSpan(evidence, draft);
  const examples: EvidenceExample[] = pickExamples(draft.sample).map((call) => ({
    requestId: call.id,
    traceId: call.traceId,
    at: iso(call.startMs),
    statusCode: call.statusCode,
    detail: draft.describe(call),
  }));
  const requestFilters: Record<string, string> = { status: draft.statusFilter ?? draft.status, service: draft.service };
  if (draft.key !== '') requestFilters.key = draft.key;
  if (single) requestFilters.endpoint = single.id;
  if (draft.errorKey !== undefined) requestFilters.errorKey = draft.errorKey;
  return {
    code: draft.code,
    status: draft.status,
    title: draft.title,
    confidence: draft.confidence,
    scope: {
      service: draft.service,
      key: draft.key,
      ...(single ? { endpointId: single.id, endpoint: endpointLabel(single) } : {}),
      endpointIds,
      ...(hosts.size === 1 ? { host: [...hosts][0] } : {}),
    },
    evidence: { calls: draft.calls, since: iso(since), until: iso(until), figures: draft.figures, facts: draft.facts, examples },
    advice: draft.advice,
    requestFilters,
  };
}
