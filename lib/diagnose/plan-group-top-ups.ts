// Which failing groups the per-status sample missed (a busier service's calls crowded them out),
// and where to look for their last calls: the last rollup bucket they were counted in.
import type { CallGroupWindow } from '@/lib/db/queries/list-recent-calls-of-groups';
import type { CallGroup, DiagnosisScope, SampledCall } from './diagnosis-evidence';
import { isDiagnosedStatus } from './status-kind';

/** Calls per group the rules want at least: enough for three examples and a share. */
export const topUpTarget = 10;
// One UNION term per group; more groups than this are rare and the largest come first.
const maxTopUpGroups = 300;
// The coarsest rollup bucket: a group's last call lies within this of its last bucket's start.
const coarsestBucketMs = 60 * 60_000;

const groupKey = (g: { service: string; environment: string; key: string; endpointId: string; statusCode: number }) =>
  `${g.service}\n${g.environment}\n${g.key}\n${g.endpointId}\n${g.statusCode}`;

export function planGroupTopUps(
  groups: readonly CallGroup[],
  sampled: readonly SampledCall[],
  scope: Pick<DiagnosisScope, 'fromMs' | 'toMs'>,
): CallGroupWindow[] {
  const have = new Map<string, number>();
  for (const call of sampled) have.set(groupKey(call), (have.get(groupKey(call)) ?? 0) + 1);
  return groups
    .filter((g) => isDiagnosedStatus(g.statusCode) && (have.get(groupKey(g)) ?? 0) < Math.min(g.calls, topUpTarget))
    .sort((a, b) => b.calls - a.calls || groupKey(a).localeCompare(groupKey(b)))
    .slice(0, maxTopUpGroups)
    .map((g) => ({
      service: g.service,
      environment: g.environment,
      key: g.key,
      endpointId: g.endpointId,
      statusCode: g.statusCode,
      fromMs: Math.max(scope.fromMs, g.lastMinute * 60_000),
      toMs: Math.min(scope.toMs, g.lastMinute * 60_000 + coarsestBucketMs),
    }));
}

/** The calls of `extra` not already in `sampled` (the same call can be found twice). */
export function mergeSamples(sampled: readonly SampledCall[], extra: readonly SampledCall[]): SampledCall[] {
  const seen = new Set(sampled.map((c) => c.id));
  return [...sampled, ...extra.filter((c) => !seen.has(c.id))];
}
