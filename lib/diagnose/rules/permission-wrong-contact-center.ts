// permission.wrong_contact_center: a key the API knows (403, not 401) that gets 403 on everything
// it calls on a host: a key of another contact center (or with no rights there at all).
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointGroups } from '../endpoint-groups';
import { endpointList } from '../endpoint-label';
import type { Finding } from '../finding';
import { keyHostEndpoints } from '../key-host-endpoints';
import { ofPhrase } from '../of-phrase';
import { sampledFailuresOf } from '../sampled-calls-of';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 forbidden calls, so one refused call is not a finding. */
export const minForbidden = 3;
/** "403 on everything": nearly every call of the key to the host, none succeeding. */
export const minForbiddenShare = 0.9;
/** 403 on two different endpoints rules out a single missing permission. */
export const endpointsForCertainty = 2;

export function permissionWrongContactCenter(evidence: DiagnosisEvidence): Finding[] {
  const groups = endpointGroups(evidence);
  const out: Finding[] = [];
  for (const kh of keyHostEndpoints(groups, 403)) {
    const forbidden = kh.endpoints.reduce((n, e) => n + e.failed, 0);
    const total = kh.endpoints.reduce((n, e) => n + e.total, 0);
    if (kh.endpoints.some((e) => e.ok > 0) || forbidden < minForbidden || forbidden < minForbiddenShare * total) continue;
    const elsewhere = new Map<string, number>();
    for (const g of groups) {
      if (g.key === kh.key && g.endpoint.host !== kh.host && isSuccess(g.statusCode)) elsewhere.set(g.endpoint.host, (elsewhere.get(g.endpoint.host) ?? 0) + g.calls);
    }
    const [workingHost, workingCalls = 0] = [...elsewhere.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    const forbiddenEndpoints = kh.endpoints.filter((e) => e.failed > 0).length;
    for (const service of [...new Set(kh.groups.filter((g) => g.statusCode === 403).map((g) => g.service))].sort()) {
      const mine = kh.groups.filter((g) => g.service === service && g.statusCode === 403);
      const calls = sumCalls(mine);
      if (calls < minForbidden) continue;
      const endpointIds = [...new Set(mine.map((g) => g.endpointId))];
      const facts = [
        `Key ${kh.key} got 403 on ${ofPhrase(forbidden, total)} of its calls to ${kh.host}, on ${forbiddenEndpoints} endpoint${forbiddenEndpoints === 1 ? '' : 's'} (${endpointList(evidence.endpoints, endpointIds)}), and never succeeded there.`,
        'A 403 means the API recognised the key; an unknown or malformed key gets 401.',
      ];
      if (workingHost !== undefined) facts.push(`The same key succeeded on ${workingHost} (${formatCount(workingCalls)} calls).`);
      const figures: Record<string, number | string> = { forbidden: calls, keyCallsOnHost: total, forbiddenEndpoints };
      if (workingHost !== undefined) {
        figures.succeededElsewhere = workingCalls;
        figures.workingHost = workingHost;
      }
      out.push(
        buildFinding(evidence, {
          code: 'permission.wrong_contact_center',
          status: '403',
          title: `${service}'s key ${kh.key} is refused on everything it calls on ${kh.host}`,
          confidence: forbiddenEndpoints >= endpointsForCertainty || workingHost !== undefined ? 'high' : 'medium',
          service,
          key: kh.key,
          endpointIds,
          calls,
          groups: mine,
          sample: sampledFailuresOf(evidence, { service, key: kh.key, endpointIds, statuses: [403] }),
          figures,
          facts,
          advice:
            `The key is valid but has no access to anything on ${kh.host}: it belongs to another contact center` +
            (workingHost !== undefined ? ` (it works on ${workingHost})` : '') +
            `. Use the key issued for the contact center behind ${kh.host}, or send these calls to the cluster the key belongs to. ` +
            'Each contact center has its own keys; a role change will not make a key work on another one.',
          describe: () => `403 on ${kh.host}, where this key never succeeds`,
        }),
      );
    }
  }
  return out;
}
