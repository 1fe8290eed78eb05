// server.errors: 5xx answers. Not the client's mistake, but the client decides what they cost:
// retry with backoff, honour Retry-After, and check the provider's status when they persist.
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointGroups } from '../endpoint-groups';
import { endpointList } from '../endpoint-label';
import type { Confidence, Finding } from '../finding';
import { formatWait } from '../format-wait';
import { measureRetryGaps } from '../measure-retry-gaps';
import { median } from '../median';
import { retryAfterMs } from '../retry-after-ms';
import { sampledFailuresOf } from '../sampled-calls-of';
import { isServerError } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** At least 3 server errors, so one hiccup is not a finding. */
export const minServerErrors = 3;
/** Below 1% of the calls, 5xx are background noise worth knowing about, not an incident. */
export const incidentShare = 0.01;

export function serverErrors(evidence: DiagnosisEvidence): Finding[] {
  const groups = endpointGroups(evidence);
  const subjects = new Set(groups.filter((g) => isServerError(g.statusCode)).map((g) => `${g.service}\n${g.key}\n${g.endpoint.host}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = '', host = ''] = subject.split('\n');
    const onHost = groups.filter((g) => g.service === service && g.key === key && g.endpoint.host === host);
    const failed = onHost.filter((g) => isServerError(g.statusCode));
    const calls = sumCalls(failed);
    if (calls < minServerErrors) continue;
    const total = sumCalls(onHost);
    const byStatus = new Map<number, number>();
    for (const g of failed) byStatus.set(g.statusCode, (byStatus.get(g.statusCode) ?? 0) + g.calls);
    const statuses = [...byStatus.keys()].sort((a, b) => a - b);
    const endpointIds = [...new Set(failed.map((g) => g.endpointId))];
    const sample = sampledFailuresOf(evidence, { service, key, endpointIds, statuses });
    const asked = median(sample.flatMap((c) => {
      const ms = retryAfterMs(c.retryAfter, c.startMs + c.durationMs);
      return ms === null ? [] : [ms];
    }));
    const retries = sample.filter((c) => (c.resendCount ?? 0) > 0);
    const retryGap = median(
      endpointIds.flatMap((id) => statuses.flatMap((s) => measureRetryGaps(sample.filter((c) => c.endpointId === id), s).gaps.map((g) => g.gapMs))),
    );
    const share = calls / Math.max(total, 1);
    const confidence: Confidence = share >= incidentShare ? 'medium' : 'low';
    const figures: Record<string, number | string> = { serverErrors: calls, callsToHost: total, share: Number(share.toFixed(4)) };
    for (const s of statuses) figures[String(s)] = byStatus.get(s) ?? 0;
    if (asked !== null) figures.retryAfterMs = Math.round(asked);
    if (retryGap !== null) figures.medianRetryGapMs = Math.round(retryGap);
    const facts = [
      `${formatCount(calls)} of ${formatCount(total)} calls of ${service} to ${host} (${formatShare(calls, total)}) got a server error: ${statuses.map((s) => `${s} ×${formatCount(byStatus.get(s) ?? 0)}`).join(', ')}.`,
      `On ${endpointList(evidence.endpoints, endpointIds)}.`,
    ];
    if (asked !== null) facts.push(`The responses asked to come back after ${formatWait(asked)} (Retry-After).`);
    if (retries.length) facts.push(`${formatCount(retries.length)} of the sampled server errors were retries themselves${retryGap !== null ? `, a median ${formatWait(retryGap)} after the previous failure` : ''}.`);
    out.push(
      buildFinding(evidence, {
        code: 'server.errors',
        status: '5xx',
        title: `${host} answers ${service} with server errors (${formatShare(calls, total)} of its calls)`,
        confidence,
        service,
        key,
        endpointIds,
        calls,
        groups: failed,
        sample,
        figures,
        facts,
        advice:
          `These failures are on the provider's side, but ${service} decides what they cost: retry calls that are safe to repeat ` +
          `(reads, and writes with an idempotency key) with exponential backoff and jitter, starting at ${asked !== null ? `the ${formatWait(asked)} Retry-After asks for` : 'about a second'} ` +
          'and giving up after a few attempts; do not retry other writes blindly. If the errors persist, check the provider\'s ' +
          'status page and report them with the example trace ids.',
        describe: (c) => `${c.statusCode}${c.retryAfter ? ` with Retry-After ${c.retryAfter}` : ''}${c.resendCount ? ` (resend #${c.resendCount})` : ''}`,
        statusFilter: statuses.join(','),
      }),
    );
  }
  return out;
}
