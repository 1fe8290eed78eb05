// The 401s each service sent with a given Authorization scheme (none, or not Bearer), from the
// sampled calls, scaled to the exact 401 counts of the rollups.
import type { CallGroup, DiagnosisEvidence, SampledCall } from './diagnosis-evidence';

export interface AuthSchemeFailures {
  service: string;
  key: string;
  /** Sampled 401s of the service and key sent with the scheme. */
  sample: SampledCall[];
  /** All sampled 401s of the service and key. */
  sampled401: number;
  /** 401s of the service and key per the rollups. */
  total401: number;
  /** total401 scaled by the sampled share with the scheme. */
  calls: number;
  endpointIds: string[];
  groups: CallGroup[];
}

export function findAuthSchemeFailures(evidence: DiagnosisEvidence, scheme: 'none' | 'other'): AuthSchemeFailures[] {
  const byPair = new Map<string, { all: SampledCall[]; matching: SampledCall[] }>();
  for (const call of evidence.failures) {
    if (call.statusCode !== 401) continue;
    const pair = `${call.service}\n${call.key}`;
    const entry = byPair.get(pair) ?? { all: [], matching: [] };
    entry.all.push(call);
    if (call.authScheme === scheme) entry.matching.push(call);
    byPair.set(pair, entry);
  }
  const out: AuthSchemeFailures[] = [];
  for (const { all, matching } of byPair.values()) {
    const first = matching[0];
    if (!first) continue;
    const endpointIds = [...new Set(matching.map((c) => c.endpointId))].sort();
    const groups = evidence.groups.filter((g) => g.statusCode === 401 && g.service === first.service && g.key === first.key);
    const total401 = groups.reduce((n, g) => n + g.calls, 0);
    const calls = matching.length === all.length ? total401 : Math.round((total401 * matching.length) / all.length);
    out.push({
      service: first.service,
      key: first.key,
      sample: matching,
      sampled401: all.length,
      total401,
      calls: Math.max(calls, matching.length),
      endpointIds,
      groups: groups.filter((g) => endpointIds.includes(g.endpointId)),
    });
  }
  return out.sort((a, b) => a.service.localeCompare(b.service) || a.key.localeCompare(b.key));
}
