// permission.endpoint_scope: a key that succeeds on some endpoints or methods of a host but gets
// 403 on others: its role lacks a permission; the key itself is fine.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointGroups } from '../endpoint-groups';
import { endpointList } from '../endpoint-label';
import type { Finding } from '../finding';
import { keyHostEndpoints } from '../key-host-endpoints';
import { ofPhrase } from '../of-phrase';
import { sampledFailuresOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 forbidden calls, so one probe of an admin endpoint is not a finding. */
export const minForbidden = 3;
/** An endpoint counts as denied when nearly all its calls are 403; mixed answers mean per-record rights, not the role. */
export const deniedShare = 0.9;

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function permissionEndpointScope(evidence: DiagnosisEvidence): Finding[] {
  const out: Finding[] = [];
  for (const kh of keyHostEndpoints(endpointGroups(evidence), 403)) {
    const allowed = kh.endpoints.filter((e) => e.ok > 0).sort((a, b) => b.ok - a.ok);
    const denied = kh.endpoints.filter((e) => e.failed > 0 && e.failed >= deniedShare * e.total);
    if (allowed.length === 0 || denied.length === 0) continue;
    const deniedIds = denied.map((e) => e.endpointId);
    const allowedOk = allowed.reduce((n, e) => n + e.ok, 0);
    const methodOf = (id: string) => evidence.endpoints.get(id)?.method ?? '';
    const readsOnly = allowed.every((e) => readMethods.has(methodOf(e.endpointId))) && deniedIds.every((id) => !readMethods.has(methodOf(id)));
    for (const service of [...new Set(kh.groups.filter((g) => g.statusCode === 403).map((g) => g.service))].sort()) {
      const mine = kh.groups.filter((g) => g.service === service && g.statusCode === 403 && deniedIds.includes(g.endpointId));
      const calls = sumCalls(mine);
      if (calls < minForbidden) continue;
      const endpointIds = [...new Set(mine.map((g) => g.endpointId))];
      const deniedText = endpointList(evidence.endpoints, endpointIds);
      const allowedText = endpointList(evidence.endpoints, allowed.map((e) => e.endpointId));
      out.push(
        buildFinding(evidence, {
          code: 'permission.endpoint_scope',
          status: '403',
          title: `${service}'s key ${kh.key} may not call ${deniedText}`,
          confidence: 'high',
          service,
          key: kh.key,
          endpointIds,
          calls,
          groups: mine,
          sample: sampledFailuresOf(evidence, { service, key: kh.key, endpointIds, statuses: [403] }),
          figures: {
            forbidden: calls,
            deniedEndpoints: denied.length,
            allowedEndpoints: allowed.length,
            succeededOnAllowed: allowedOk,
          },
          facts: [
            `Key ${kh.key} succeeded on ${allowedText} (${formatCount(allowedOk)} calls): the key is valid on ${kh.host}.`,
            ...denied.map((e) => `It got 403 on ${ofPhrase(e.failed, e.total)} of its calls to ${endpointList(evidence.endpoints, [e.endpointId])}.`),
          ],
          advice:
            `The key works, but its role does not allow ${deniedText}${readsOnly ? ': it may read but not write' : ''}. ` +
            "Give the key's user a role with that permission, or send these calls with a key whose role has it. Retrying will " +
            'not help, and neither will a new key with the same role.',
          describe: (c) => `403 on ${endpointList(evidence.endpoints, [c.endpointId])}, which this key's role may not call`,
        }),
      );
    }
  }
  return out;
}
