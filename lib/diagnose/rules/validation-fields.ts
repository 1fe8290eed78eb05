// validation.fields: 422s per endpoint, ranked by field and message, each message read as a
// missing field, a wrong type, a value not allowed (enum, case) or something else.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import { type FieldError, parseFieldError } from '../classify-field-message';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointLabel } from '../endpoint-label';
import type { Finding } from '../finding';
import { sampledFailuresOf } from '../sampled-calls-of';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 rejected calls, so one bad form submission is not a finding. */
export const minInvalid = 3;
/** Fields listed in the facts and the fix; the figures keep them all. */
const maxFieldsShown = 5;

const mistakeLabel: Record<FieldError['mistake'], string> = {
  missing: 'missing',
  wrong_type: 'wrong type',
  not_allowed: 'value not allowed',
  other: 'invalid',
};

function fixFor(e: FieldError): string {
  switch (e.mistake) {
    case 'missing':
      return `always send "${e.field}" (it is required)`;
    case 'wrong_type':
      return `send "${e.field}" as ${e.expectedType ?? 'the type the API expects'}`;
    case 'not_allowed':
      return `send "${e.field}" as exactly one of the allowed values, with the same case (${e.message})`;
    default:
      return `fix "${e.field}": ${e.message}`;
  }
}

export function validationFields(evidence: DiagnosisEvidence): Finding[] {
  const subjects = new Set(evidence.groups.filter((g) => g.statusCode === 422).map((g) => `${g.service}\n${g.key}\n${g.endpointId}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = '', endpointId = ''] = subject.split('\n');
    const endpoint = evidence.endpoints.get(endpointId);
    const mine = evidence.groups.filter((g) => g.service === service && g.key === key && g.endpointId === endpointId && g.statusCode === 422);
    const calls = sumCalls(mine);
    if (!endpoint || calls < minInvalid) continue;
    const ranked = evidence.errorKeys
      .filter((k) => k.service === service && k.key === key && k.endpointId === endpointId && k.statusCode === 422)
      .flatMap((k) => {
        const parsed = parseFieldError(k.errorKey);
        return parsed ? [{ ...parsed, errorKey: k.errorKey, calls: k.calls }] : [];
      })
      .sort((a, b) => b.calls - a.calls || a.errorKey.localeCompare(b.errorKey));
    // Without field messages there is nothing to rank; the status alone is the catalog's job.
    if (ranked.length === 0) continue;
    const accepted = sumCalls(evidence.groups, (g) => g.endpointId === endpointId && isSuccess(g.statusCode));
    const shown = ranked.slice(0, maxFieldsShown);
    const figures: Record<string, number | string> = { invalid: calls, fields: new Set(ranked.map((r) => r.field)).size, acceptedOnEndpoint: accepted };
    for (const r of ranked) figures[r.errorKey] = r.calls;
    const facts = [
      `${formatCount(calls)} calls of ${service} to ${endpointLabel(endpoint)} got 422 (Unprocessable Entity).`,
      ...shown.map((r) => `"${r.field}: ${r.message}" on ${formatCount(r.calls)} call${r.calls === 1 ? '' : 's'} (${mistakeLabel[r.mistake]}).`),
    ];
    if (ranked.length > shown.length) facts.push(`${ranked.length - shown.length} more field messages are in the figures.`);
    if (accepted > 0) facts.push(`The same endpoint accepted ${formatCount(accepted)} calls, so the endpoint and key are fine; the bodies are not.`);
    const fixes = [...new Map(shown.map((r) => [`${r.field}\n${r.mistake}`, fixFor(r)])).values()];
    const top = shown[0] as (typeof shown)[number];
    out.push(
      buildFinding(evidence, {
        code: 'validation.fields',
        status: '422',
        title: `${service}'s ${endpoint.method} ${endpoint.route} bodies fail validation (${shown.map((r) => r.field).filter((f, i, all) => all.indexOf(f) === i).join(', ')})`,
        confidence: 'high',
        service,
        key,
        endpointIds: [endpointId],
        calls,
        groups: mine,
        sample: sampledFailuresOf(evidence, { service, key, endpointIds: [endpointId], statuses: [422] }),
        figures,
        facts,
        advice: `Fix the request body ${service} builds for ${endpoint.method} ${endpoint.route}: ${fixes.join('; ')}. Validate it against the API's schema before sending, so a mapping change shows up in your tests rather than as rejected calls.`,
        describe: (c) => c.errorKey ?? '422',
        ...(ranked.length === 1 ? { errorKey: top.errorKey } : {}),
      }),
    );
  }
  return out;
}
