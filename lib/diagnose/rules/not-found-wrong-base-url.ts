// not_found.wrong_base_url: 404s on a host where nothing succeeds, or on a path that never
// succeeds for anyone, when neither the API version nor a stale id explains them.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointList } from '../endpoint-label';
import type { Confidence, Finding } from '../finding';
import { isTemplated, notFoundContext, relatedSuccesses, wrongVersionOf } from '../not-found-context';
import { notFoundGroups } from '../not-found-groups';
import { sampledFailuresOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 404s, so one mistyped manual call is not a finding. */
export const minNotFound = 3;

export function notFoundWrongBaseUrl(evidence: DiagnosisEvidence): Finding[] {
  const ctx = notFoundContext(evidence);
  const out: Finding[] = [];
  for (const nf of notFoundGroups(evidence)) {
    const hostOk = ctx.okByHost.get(nf.host) ?? 0;
    const unexplained = nf.groups.filter(
      (g) =>
        (ctx.okByEndpoint.get(g.endpointId) ?? 0) === 0 &&
        !wrongVersionOf(ctx, g.endpoint) &&
        !(isTemplated(g.endpoint.route) && relatedSuccesses(ctx, g.endpoint) > 0),
    );
    const calls = sumCalls(unexplained);
    if (calls < minNotFound) continue;
    const endpointIds = [...new Set(unexplained.map((g) => g.endpointId))];
    const plainPaths = unexplained.filter((g) => !isTemplated(g.endpoint.route));
    // A templated path nobody reaches could still be ids that are all stale: say so.
    const confidence: Confidence = hostOk === 0 || plainPaths.length > 0 ? 'high' : 'low';
    const paths = endpointList(evidence.endpoints, endpointIds);
    const working = [...evidence.endpoints.values()]
      .filter((e) => e.host === nf.host && (ctx.okByEndpoint.get(e.id) ?? 0) > 0)
      .sort((a, b) => (ctx.okByEndpoint.get(b.id) ?? 0) - (ctx.okByEndpoint.get(a.id) ?? 0))
      .map((e) => e.id);
    out.push(
      buildFinding(evidence, {
        code: 'not_found.wrong_base_url',
        status: '404',
        title: hostOk === 0 ? `${nf.service} calls ${nf.host}, where nothing succeeds` : `${nf.service} calls paths that do not exist on ${nf.host}`,
        confidence,
        service: nf.service,
        key: nf.key,
        endpointIds,
        calls,
        groups: unexplained,
        sample: sampledFailuresOf(evidence, { service: nf.service, key: nf.key, endpointIds: endpointIds, statuses: [404] }),
        figures: { notFound: calls, endpoints: endpointIds.length, succeededOnHost: hostOk },
        facts: [
          `${formatCount(calls)} calls of ${nf.service} to ${paths} got 404, and no call to ${endpointIds.length === 1 ? 'it' : 'them'} by anyone succeeded.`,
          hostOk === 0
            ? `No call to ${nf.host} succeeded in the range.`
            : `Other paths on ${nf.host} work (${formatCount(hostOk)} successful calls, e.g. ${endpointList(evidence.endpoints, working, 2)}).`,
        ],
        advice:
          hostOk === 0
            ? `Check the base URL of ${nf.service}: ${nf.host} answers 404 to everything it is asked. Use the API's own host and ` +
              'prefix (for Voiso, https://{cluster_id}.voiso.com/api/v4), with no extra or missing path segment.'
            : `Check these paths against the API reference: ${paths} ${endpointIds.length === 1 ? 'does' : 'do'} not exist on ` +
              `${nf.host}, while other paths there work. Look for a misspelt or invented resource name, a singular/plural mix-up, ` +
              'or a path copied from another API.',
        describe: (c) => `404 on ${endpointList(evidence.endpoints, [c.endpointId])}`,
      }),
    );
  }
  return out;
}
