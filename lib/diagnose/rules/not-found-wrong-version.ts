// not_found.wrong_version: 404s on paths that name an API version other than the one that works
// on that host (or than the current version, where nothing versioned works there).
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointList } from '../endpoint-label';
import type { Finding } from '../finding';
import { defaultApiVersion, notFoundContext, wrongVersionOf } from '../not-found-context';
import { notFoundGroups } from '../not-found-groups';
import { sampledFailuresOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 404s, so one stale bookmark or manual test is not a finding. */
export const minNotFound = 3;

export function notFoundWrongVersion(evidence: DiagnosisEvidence): Finding[] {
  const ctx = notFoundContext(evidence);
  const out: Finding[] = [];
  for (const nf of notFoundGroups(evidence)) {
    const wrong = nf.groups.flatMap((g) => {
      const w = wrongVersionOf(ctx, g.endpoint);
      return w ? [{ group: g, ...w }] : [];
    });
    const calls = sumCalls(wrong.map((w) => w.group));
    if (calls < minNotFound) continue;
    const versions = [...new Set(wrong.map((w) => w.version))].sort((a, b) => a - b);
    const working = wrong[0]?.working ?? [];
    const hostWorks = ctx.versionsByHost.has(nf.host);
    const endpointIds = [...new Set(wrong.map((w) => w.group.endpointId))];
    const sent = versions.map((v) => `v${v}`).join(', ');
    const expected = working.map((v) => `v${v}`).join(' or ');
    const latest = `v${working[working.length - 1] ?? defaultApiVersion}`;
    out.push(
      buildFinding(evidence, {
        code: 'not_found.wrong_version',
        status: '404',
        title: `${nf.service} calls API ${sent} on ${nf.host}, where ${expected} is ${hostWorks ? 'what works' : 'current'}`,
        confidence: 'high',
        service: nf.service,
        key: nf.key,
        endpointIds,
        calls,
        groups: wrong.map((w) => w.group),
        sample: sampledFailuresOf(evidence, { service: nf.service, key: nf.key, endpointIds: endpointIds, statuses: [404] }),
        figures: { notFound: calls, calledVersion: sent, workingVersion: expected, endpoints: endpointIds.length },
        facts: [
          `${formatCount(calls)} calls of ${nf.service} to ${endpointList(evidence.endpoints, endpointIds)} got 404.`,
          hostWorks
            ? `Calls to ${expected} paths on ${nf.host} succeed (${formatCount(ctx.okByHost.get(nf.host) ?? 0)} calls); no ${sent} path succeeded there.`
            : `Nothing versioned succeeded on ${nf.host} in the range; the current API version is ${expected}.`,
        ],
        advice:
          `Move these calls to ${latest}: the ${sent} paths do not exist on ${nf.host}, so every such call gets 404 whatever its ` +
          `key or body. Change the version segment of the path (${sent} → ${latest}), then check ${latest}'s request and response ` +
          'formats, which may differ from the old version.',
        describe: (c) => `404 on ${endpointList(evidence.endpoints, [c.endpointId])}`,
      }),
    );
  }
  return out;
}
