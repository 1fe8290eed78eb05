// rate_limit.no_backoff: 429s retried sooner than Retry-After asked, or, without Retry-After,
// retried at once or without a growing delay. Measured per key and endpoint.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence } from '../diagnosis-evidence';
import { endpointLabel } from '../endpoint-label';
import type { Finding } from '../finding';
import { formatWait } from '../format-wait';
import { measureRetryGaps, type RetryGap } from '../measure-retry-gaps';
import { median } from '../median';
import { ofPhrase } from '../of-phrase';
import { sampledContextOf } from '../sampled-calls-of';
import { sumCalls } from '../sum-calls';

/** At least 3 retries too soon, so one impatient retry is not a finding. */
export const minTooSoon = 3;
/** Most retries too soon: a client that usually waits and slips once in a while does back off. */
export const minTooSoonShare = 0.5;
/** A retry counts as waiting for Retry-After at 90% of it, allowing for timer and clock jitter. */
export const honouredShare = 0.9;
/** Without Retry-After, a retry within a second of a 429 has not backed off at all. */
export const minBackoffMs = 1000;
/** Without Retry-After, each further retry should wait clearly longer than the one before. */
export const minGrowth = 1.5;

function isTooSoon(g: RetryGap): boolean {
  if (g.askedMs !== null) return g.gapMs < g.askedMs * honouredShare;
  if (g.gapMs < minBackoffMs) return true;
  return g.previousGapMs !== null && g.gapMs < g.previousGapMs * minGrowth;
}

export function rateLimitNoBackoff(evidence: DiagnosisEvidence): Finding[] {
  const subjects = new Set(evidence.groups.filter((g) => g.statusCode === 429).map((g) => `${g.service}\n${g.key}\n${g.endpointId}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = '', endpointId = ''] = subject.split('\n');
    const endpoint = evidence.endpoints.get(endpointId);
    const mine = evidence.groups.filter((g) => g.service === service && g.key === key && g.endpointId === endpointId && g.statusCode === 429);
    if (!endpoint) continue;
    const calls = sampledContextOf(evidence, { service, key, endpointIds: [endpointId] });
    const { gaps, byResendCount } = measureRetryGaps(calls, 429);
    const tooSoon = gaps.filter(isTooSoon);
    if (tooSoon.length < minTooSoon || tooSoon.length < minTooSoonShare * gaps.length) continue;
    const gap = median(tooSoon.map((g) => g.gapMs)) ?? 0;
    const asked = median(tooSoon.flatMap((g) => (g.askedMs === null ? [] : [g.askedMs])));
    const maxResend = Math.max(0, ...calls.map((c) => c.resendCount ?? 0));
    const throttled = sumCalls(mine);
    const figures: Record<string, number | string> = {
      throttled,
      retries: gaps.length,
      retriesTooSoon: tooSoon.length,
      medianRetryGapMs: Math.round(gap),
      maxResendCount: maxResend,
    };
    if (asked !== null) figures.retryAfterMs = Math.round(asked);
    const facts = [
      `${formatCount(throttled)} calls of ${service} to ${endpointLabel(endpoint)} got 429 (Too Many Requests).`,
      `${ofPhrase(tooSoon.length, gaps.length, { capital: true })} sampled retries came too soon: a median ${formatWait(gap)} after the 429` +
        (asked !== null ? `, which asked for ${formatWait(asked)} (Retry-After).` : ', which carried no Retry-After.'),
    ];
    if (maxResend > 0) facts.push(`Retries went up to resend #${maxResend}.`);
    if (!byResendCount) facts.push('The calls carry no resend count, so retries were matched to 429s by order alone.');
    const wait = asked !== null ? `at least ${formatWait(asked)} (the Retry-After of the 429)` : `at least ${formatWait(minBackoffMs)}`;
    out.push(
      buildFinding(evidence, {
        code: 'rate_limit.no_backoff',
        status: '429',
        title: `${service} retries 429s on ${endpoint.route} after ${formatWait(gap)}${asked !== null ? `, not the ${formatWait(asked)} asked` : ''}`,
        confidence: byResendCount ? 'high' : 'medium',
        service,
        key,
        endpointIds: [endpointId],
        calls: throttled,
        groups: mine,
        sample: tooSoon.map((g) => g.call),
        figures,
        facts,
        advice:
          `Wait ${wait} before retrying — ${service}'s retries came ${formatWait(gap)} after the 429 (median), so they were ` +
          'throttled again and only added load. After each further 429 double the wait and add some random jitter, stop after ' +
          'a few attempts, and let parallel workers share one limiter so they do not all retry at the same moment.',
        describe: (c) => {
          const g = gaps.find((x) => x.call.id === c.id);
          return g ? `retry${c.resendCount ? ` #${c.resendCount}` : ''} ${formatWait(g.gapMs)} after a 429${g.askedMs !== null ? ` that asked for ${formatWait(g.askedMs)}` : ''}` : '429';
        },
      }),
    );
  }
  return out;
}
