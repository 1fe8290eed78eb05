// conflict.state: 409s repeated on the same endpoint by the same key within seconds (or marked as
// resends): a client retrying an operation the resource's state does not allow.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence, SampledCall } from '../diagnosis-evidence';
import { endpointLabel } from '../endpoint-label';
import type { Finding } from '../finding';
import { formatWait } from '../format-wait';
import { median } from '../median';
import { ancestorRoutes } from '../not-found-context';
import { sampledFailuresOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 conflicts, so a single race between two writers is not a finding. */
export const minConflicts = 3;
/** At least 2 repeats: one retry can be a deliberate second look; two show a retry loop. */
export const minRepeats = 2;
/** A 409 this soon after the previous one on the same endpoint and key is the same operation again, not a new one. */
export const repeatWindowMs = 10_000;

interface Repeat {
  call: SampledCall;
  gapMs: number;
}

function findRepeats(conflicts: readonly SampledCall[]): Repeat[] {
  const sorted = [...conflicts].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  const out: Repeat[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1] as SampledCall;
    const call = sorted[i] as SampledCall;
    const gapMs = Math.max(0, call.startMs - (prev.startMs + prev.durationMs));
    if ((call.resendCount ?? 0) > 0 || gapMs <= repeatWindowMs) out.push({ call, gapMs });
  }
  return out;
}

/** Where to read the state of the resource a command route acts on (`/campaigns/{id}/start` → `/campaigns/{id}`). */
function stateRoute(route: string): string {
  if (route.endsWith('}')) return route;
  return [...ancestorRoutes(route)].reverse().find((r) => r.endsWith('}')) ?? route;
}

export function conflictState(evidence: DiagnosisEvidence): Finding[] {
  const subjects = new Set(evidence.groups.filter((g) => g.statusCode === 409).map((g) => `${g.service}\n${g.key}\n${g.endpointId}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = '', endpointId = ''] = subject.split('\n');
    const endpoint = evidence.endpoints.get(endpointId);
    const mine = evidence.groups.filter((g) => g.service === service && g.key === key && g.endpointId === endpointId && g.statusCode === 409);
    const calls = sumCalls(mine);
    if (!endpoint || calls < minConflicts) continue;
    const conflicts = sampledFailuresOf(evidence, { service, key, endpointIds: [endpointId], statuses: [409] });
    const repeats = findRepeats(conflicts);
    if (repeats.length < minRepeats) continue;
    const gap = median(repeats.map((r) => r.gapMs)) ?? 0;
    const maxResend = Math.max(0, ...conflicts.map((c) => c.resendCount ?? 0));
    const read = `GET ${stateRoute(endpoint.route)}`;
    const facts = [
      `${formatCount(calls)} calls of ${service} to ${endpointLabel(endpoint)} got 409 (Conflict).`,
      `${formatCount(repeats.length)} of ${formatCount(conflicts.length)} sampled conflicts repeated the previous one, a median ${formatWait(gap)} after it.`,
    ];
    if (maxResend > 0) facts.push(`The client marked them as resends, up to resend #${maxResend}.`);
    out.push(
      buildFinding(evidence, {
        code: 'conflict.state',
        status: '409',
        title: `${service} repeats ${endpoint.method} ${endpoint.route} while the resource's state refuses it`,
        confidence: 'high',
        service,
        key,
        endpointIds: [endpointId],
        calls,
        groups: mine,
        sample: repeats.map((r) => r.call),
        figures: { conflicts: calls, sampledConflicts: conflicts.length, repeats: repeats.length, medianRepeatGapMs: Math.round(gap), maxResendCount: maxResend },
        facts,
        advice:
          `Read the resource's current state (${read}) before sending ${endpoint.method} ${endpoint.route} again, and only send it ` +
          `when the state allows the operation (e.g. do not start what is already running). A conflict does not clear by waiting: ` +
          `${service} repeated the call ${formatCount(repeats.length)} times, a median ${formatWait(gap)} after a 409. Treat 409 as ` +
          'an answer, not as a transient error, and remove it from the retry policy.',
        describe: (c) => `409 again${c.resendCount ? ` (resend #${c.resendCount})` : ''}`,
      }),
    );
  }
  return out;
}
