// not_found.missing_resource: 404s on a templated endpoint ({id}) that works for other ids, or,
// where nobody fetched it successfully, whose collection or sibling routes work: the ids are wrong.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointLabel } from '../endpoint-label';
import type { Finding } from '../finding';
import { ancestorRoutes, isTemplated, notFoundContext, relatedSuccesses, wrongVersionOf } from '../not-found-context';
import { notFoundGroups } from '../not-found-groups';
import { sampledFailuresOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 404s on the endpoint, so one id deleted between a list and a fetch is not a finding. */
export const minNotFound = 3;

export function notFoundMissingResource(evidence: DiagnosisEvidence): Finding[] {
  const ctx = notFoundContext(evidence);
  const out: Finding[] = [];
  for (const nf of notFoundGroups(evidence)) {
    const endpointIds = [...new Set(nf.groups.map((g) => g.endpointId))].sort();
    for (const endpointId of endpointIds) {
      const mine = nf.groups.filter((g) => g.endpointId === endpointId);
      const endpoint = mine[0]?.endpoint;
      if (!endpoint || !isTemplated(endpoint.route) || wrongVersionOf(ctx, endpoint)) continue;
      const calls = sumCalls(mine);
      if (calls < minNotFound) continue;
      const sameEndpointOk = ctx.okByEndpoint.get(endpointId) ?? 0;
      const relatedOk = relatedSuccesses(ctx, endpoint);
      if (sameEndpointOk === 0 && relatedOk === 0) continue;
      const label = endpointLabel(endpoint);
      const parent = ancestorRoutes(endpoint.route).at(-1);
      out.push(
        buildFinding(evidence, {
          code: 'not_found.missing_resource',
          status: '404',
          title: `${nf.service} asks for ${endpoint.route} with ids that do not exist`,
          confidence: sameEndpointOk > 0 ? 'high' : 'medium',
          service: nf.service,
          key: nf.key,
          endpointIds: [endpointId],
          calls,
          groups: mine,
          sample: sampledFailuresOf(evidence, { service: nf.service, key: nf.key, endpointIds: [endpointId], statuses: [404] }),
          figures: { notFound: calls, succeededSameEndpoint: sameEndpointOk, succeededRelatedRoutes: relatedOk },
          facts: [
            `${formatCount(calls)} calls of ${nf.service} to ${label} got 404.`,
            sameEndpointOk > 0
              ? `The same endpoint succeeded ${formatCount(sameEndpointOk)} times in the range, for other ids: the path is right, the ids are not.`
              : `Nobody fetched it successfully, but the routes beside it on ${endpoint.host} work (${formatCount(relatedOk)} successful calls), so the path exists.`,
          ],
          advice:
            `The ids ${nf.service} passes to ${endpoint.route} do not exist (any more): deleted records, ids kept from an old import, ` +
            `or ids of another contact center. Look the id up${parent ? ` (e.g. GET ${parent})` : ''} before fetching it, refresh ` +
            'cached ids, and treat a 404 here as "gone" rather than retrying it.',
          describe: () => `404 on ${label}`,
        }),
      );
    }
  }
  return out;
}
