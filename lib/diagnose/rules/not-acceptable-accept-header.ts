// not_acceptable.accept_header: 406s, with the Accept values the client sent, the formats the
// API offers (from its error body) and the Accept values that did work on the endpoint.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import { countValues } from '../count-values';
import type { DiagnosisEvidence, SampledCall } from '../diagnosis-evidence';
import { endpointLabel } from '../endpoint-label';
import type { Finding } from '../finding';
import { formatMediaType } from '../format-media-type';
import { parseAcceptedFormats } from '../parse-accepted-formats';
import { sampledContextOf, sampledFailuresOf } from '../sampled-calls-of';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 406s, so one manual request for an odd format is not a finding. */
export const minNotAcceptable = 3;

const acceptOf = (c: SampledCall) => c.accept ?? '(no Accept header)';
// Every 406 of an endpoint carries the same list; the first body that states one is enough.
function firstFormats(calls: readonly SampledCall[]): string[] {
  for (const call of calls) {
    const formats = parseAcceptedFormats(call.errorBody);
    if (formats.length) return formats;
  }
  return [];
}

const listed = (entries: [string, number][]) => entries.map(([v, n]) => `"${v}" (${formatCount(n)})`).join(', ');

export function notAcceptableAcceptHeader(evidence: DiagnosisEvidence): Finding[] {
  const subjects = new Set(evidence.groups.filter((g) => g.statusCode === 406).map((g) => `${g.service}\n${g.key}\n${g.endpointId}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = '', endpointId = ''] = subject.split('\n');
    const endpoint = evidence.endpoints.get(endpointId);
    const mine = evidence.groups.filter((g) => g.service === service && g.key === key && g.endpointId === endpointId && g.statusCode === 406);
    const calls = sumCalls(mine);
    if (!endpoint || calls < minNotAcceptable) continue;
    const refused = sampledFailuresOf(evidence, { service, key, endpointIds: [endpointId], statuses: [406] });
    const sent = countValues(refused.map(acceptOf));
    const formats = firstFormats(refused);
    const worked = countValues(sampledContextOf(evidence, { service, key, endpointIds: [endpointId] }).filter((c) => isSuccess(c.statusCode)).map(acceptOf));
    const facts = [`${formatCount(calls)} calls of ${service} to ${endpointLabel(endpoint)} got 406 (Not Acceptable).`];
    if (sent.length) facts.push(`The refused calls asked for ${listed(sent)}.`);
    if (formats.length) facts.push(`The API's error body says the endpoint can return: ${formats.join(', ')}.`);
    if (worked.length) facts.push(`Calls to the same endpoint that asked for ${listed(worked)} succeeded.`);
    const choices = formats.map((f) => `${f} (Accept: ${formatMediaType(f)})`).join(', ');
    const topSent = sent[0]?.[0];
    out.push(
      buildFinding(evidence, {
        code: 'not_acceptable.accept_header',
        status: '406',
        title: `${service} asks ${endpoint.route} for a format it does not offer${topSent ? ` (${topSent})` : ''}`,
        confidence: sent.length > 0 ? 'high' : 'medium',
        service,
        key,
        endpointIds: [endpointId],
        calls,
        groups: mine,
        sample: refused,
        figures: {
          notAcceptable: calls,
          acceptSent: sent.map(([v]) => v).join(', '),
          formatsOffered: formats.join(', '),
          succeededWithOtherAccept: worked.reduce((n, [, c]) => n + c, 0),
        },
        facts,
        advice:
          `Ask for a format the endpoint can produce${choices ? `: ${choices}` : ''}` +
          `${topSent ? ` — your calls asked for "${topSent}"` : ''}. If unsure, send "Accept: application/json". ` +
          'Where a format is chosen per call, map it to one of these values and fall back to JSON rather than passing a browser\'s Accept header through.',
        describe: (c) => `Accept: ${acceptOf(c)}`,
      }),
    );
  }
  return out;
}
