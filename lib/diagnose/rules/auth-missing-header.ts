// auth.missing_header: 401s whose calls carried no Authorization header at all.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointList } from '../endpoint-label';
import { findAuthSchemeFailures } from '../find-auth-scheme-failures';
import type { Finding } from '../finding';
import { ofPhrase } from '../of-phrase';

/** At least 3 such 401s, so one stray call (a health probe, a test from a laptop) is not a finding. */
export const minCalls = 3;

export function authMissingHeader(evidence: DiagnosisEvidence): Finding[] {
  return findAuthSchemeFailures(evidence, 'none')
    .filter((f) => f.sample.length >= minCalls)
    .map((f) =>
      buildFinding(evidence, {
        code: 'auth.missing_header',
        status: '401',
        title: `${f.service} calls the API without an Authorization header`,
        confidence: 'high',
        service: f.service,
        key: f.key,
        endpointIds: f.endpointIds,
        calls: f.calls,
        groups: f.groups,
        sample: f.sample,
        figures: { unauthorized: f.total401, sampled: f.sampled401, withoutHeader: f.sample.length },
        facts: [
          `${ofPhrase(f.sample.length, f.sampled401, { capital: true })} sampled 401s of ${f.service} carried no Authorization header.`,
          `${formatCount(f.total401)} calls of ${f.service} got 401 in the range, on ${endpointList(evidence.endpoints, f.endpointIds)}.`,
        ],
        advice:
          `Send "Authorization: Bearer <API key>" with every call from ${f.service}: ${formatCount(f.calls)} of its calls went out ` +
          'with no Authorization header, so the API could not tell who was calling. Check that the key reaches the code that ' +
          'builds the request: an unset or empty environment variable, or a client created before the key was loaded, gives exactly this.',
        describe: () => 'no Authorization header',
      }),
    );
}
