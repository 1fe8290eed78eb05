// auth.wrong_environment: a key that only ever gets 401 on one API host while it works on another
// host, or while the same service's other keys work on that host: a key of another cluster,
// contact center or environment.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { type EndpointGroup, endpointGroups } from '../endpoint-groups';
import type { Finding } from '../finding';
import { ofPhrase } from '../of-phrase';
import { sampledFailuresOf } from '../sampled-calls-of';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 401s on the host, so a single rejected call is not a finding. */
export const minUnauthorized = 3;
/** "Only ever 401" on the host; the rest may be other failures the API reports before checking the key (404). */
export const minUnauthorizedShare = 0.9;

function hostsWhereKeyWorks(groups: readonly EndpointGroup[], key: string, host: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of groups) {
    if (g.key === key && g.endpoint.host !== host && isSuccess(g.statusCode)) out.set(g.endpoint.host, (out.get(g.endpoint.host) ?? 0) + g.calls);
  }
  return out;
}

export function authWrongEnvironment(evidence: DiagnosisEvidence): Finding[] {
  const groups = endpointGroups(evidence);
  const pairs = new Set(groups.filter((g) => g.key !== '' && g.statusCode === 401).map((g) => `${g.key}\n${g.endpoint.host}`));
  const out: Finding[] = [];
  for (const pair of [...pairs].sort()) {
    const [key = '', host = ''] = pair.split('\n');
    const onHost = groups.filter((g) => g.key === key && g.endpoint.host === host);
    const unauthorized = sumCalls(onHost, (g) => g.statusCode === 401);
    const total = sumCalls(onHost);
    if (sumCalls(onHost, (g) => isSuccess(g.statusCode)) > 0) continue;
    if (unauthorized < minUnauthorized || unauthorized < minUnauthorizedShare * total) continue;
    const elsewhere = [...hostsWhereKeyWorks(groups, key, host).entries()].sort((a, b) => b[1] - a[1]);
    for (const service of [...new Set(onHost.filter((g) => g.statusCode === 401).map((g) => g.service))].sort()) {
      const mine = onHost.filter((g) => g.service === service && g.statusCode === 401);
      const calls = sumCalls(mine);
      const otherKeysOk = sumCalls(groups, (g) => g.service === service && g.key !== key && g.key !== '' && g.endpoint.host === host && isSuccess(g.statusCode));
      const [bestHost, bestCalls = 0] = elsewhere[0] ?? [];
      if (bestHost === undefined && otherKeysOk === 0) continue;
      const environments = [...new Set(groups.filter((g) => g.service === service).map((g) => g.environment).filter(Boolean))];
      const facts = [`Key ${key} got 401 on ${ofPhrase(unauthorized, total)} of its calls to ${host} and never succeeded there.`];
      if (bestHost !== undefined) facts.push(`The same key succeeded on ${bestHost} (${formatCount(bestCalls)} calls).`);
      if (otherKeysOk > 0) facts.push(`Other keys of ${service} succeeded on ${host} (${formatCount(otherKeysOk)} calls).`);
      if (environments.length) facts.push(`${service} reports environment ${environments.map((e) => `"${e}"`).join(', ')}.`);
      const figures: Record<string, number | string> = { unauthorized: calls, keyCallsOnHost: total, otherKeysSucceededOnHost: otherKeysOk };
      if (bestHost !== undefined) {
        figures.succeededElsewhere = bestCalls;
        figures.workingHost = bestHost;
      }
      out.push(
        buildFinding(evidence, {
          code: 'auth.wrong_environment',
          status: '401',
          title: `${service} sends a key ${host} does not accept${bestHost !== undefined ? ` (it works on ${bestHost})` : ''}`,
          confidence: bestHost !== undefined ? 'high' : 'medium',
          service,
          key,
          endpointIds: mine.map((g) => g.endpointId),
          calls,
          groups: mine,
          sample: sampledFailuresOf(evidence, { service, key, statuses: [401], endpointIds: mine.map((g) => g.endpointId) }),
          figures,
          facts,
          advice:
            (bestHost !== undefined
              ? `Key ${key} belongs to ${bestHost}, not to ${host}: keys are issued per cluster and environment. `
              : `Key ${key} is not a key of ${host}, where ${service}'s other keys work. `) +
            `Use the key issued for ${host} in these calls, or, if they were meant for ${bestHost ?? 'another cluster'}, fix the base URL ` +
            '(a production URL left in a staging configuration, or the reverse, is the usual cause).',
          describe: () => `401 on ${host} with key ${key}`,
        }),
      );
    }
  }
  return out;
}
