// auth.wrong_scheme: 401s whose calls sent an Authorization header that is not "Bearer <key>".
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointList } from '../endpoint-label';
import { findAuthSchemeFailures } from '../find-auth-scheme-failures';
import type { Finding } from '../finding';
import { ofPhrase } from '../of-phrase';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 such 401s, so one hand-made test call is not a finding. */
export const minCalls = 3;

export function authWrongScheme(evidence: DiagnosisEvidence): Finding[] {
  return findAuthSchemeFailures(evidence, 'other')
    .filter((f) => f.sample.length >= minCalls)
    .map((f) => {
      // Calls without a recognisable Bearer key that still succeed on the same endpoints would mean
      // the API takes that scheme there; then the scheme is a suspect, not the proven cause.
      const succeeded = sumCalls(
        evidence.groups,
        (g) => g.service === f.service && g.key === f.key && f.endpointIds.includes(g.endpointId) && isSuccess(g.statusCode),
      );
      const facts = [
        `${ofPhrase(f.sample.length, f.sampled401, { capital: true })} sampled 401s of ${f.service} sent an Authorization header that is not "Bearer <key>".`,
        `${formatCount(f.total401)} calls of ${f.service} got 401 in the range, on ${endpointList(evidence.endpoints, f.endpointIds)}.`,
      ];
      if (succeeded > 0) facts.push(`${formatCount(succeeded)} calls of ${f.service} without a Bearer key succeeded on the same endpoints.`);
      return buildFinding(evidence, {
        code: 'auth.wrong_scheme',
        status: '401',
        title: `${f.service} sends its API key in a form other than "Bearer <key>"`,
        confidence: succeeded > 0 ? 'medium' : 'high',
        service: f.service,
        key: f.key,
        endpointIds: f.endpointIds,
        calls: f.calls,
        groups: f.groups,
        sample: f.sample,
        figures: { unauthorized: f.total401, sampled: f.sampled401, otherScheme: f.sample.length, succeededWithoutBearer: succeeded },
        facts,
        advice:
          `Send the key as "Authorization: Bearer <API key>": the API reads no other form, and ${formatCount(f.calls)} calls of ` +
          `${f.service} sent something else (such as "Token <key>", "Basic …" or the bare key). Look for the place the header is ` +
          'built, often a snippet copied from another API\'s client.',
        describe: () => 'Authorization header not in "Bearer <key>" form',
      });
    });
}
