// rate_limit.burst: 429s that come when one key's request rate peaks far above its sustained
// rate: the volume fits the limit, the bursts do not. Shows peak against sustained rate.
import { formatCount } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence, SampledCall } from '../diagnosis-evidence';
import type { Finding } from '../finding';
import { median } from '../median';
import { sumCalls } from '../sum-calls';

/** At least 3 throttled calls in the sample, so one unlucky call is not a finding. */
export const minThrottled = 3;
/** The rate is measured over one-second windows, the unit rate limits are stated in. */
export const windowMs = 1000;
/** A burst: the rate when the 429s came is at least three times the key's average. */
export const burstFactor = 3;
/** And at least this many calls in that second, so two calls close together are not a "peak". */
export const minPeakCalls = 5;

const perSecond = (n: number) => `${Number(n.toFixed(1))}/s`;

/** For each call (sorted by start), how many calls of the key started in the second up to it. */
function ratesAt(sorted: readonly SampledCall[]): number[] {
  const out: number[] = [];
  let lo = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const start = (sorted[i] as SampledCall).startMs;
    while ((sorted[lo] as SampledCall).startMs <= start - windowMs) lo += 1;
    out.push(i - lo + 1);
  }
  return out;
}

export function rateLimitBurst(evidence: DiagnosisEvidence): Finding[] {
  const subjects = new Set(evidence.groups.filter((g) => g.statusCode === 429).map((g) => `${g.service}\n${g.key}`));
  const out: Finding[] = [];
  for (const subject of [...subjects].sort()) {
    const [service = '', key = ''] = subject.split('\n');
    const keyCalls = evidence.context.filter((c) => c.key === key).sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    const first = keyCalls[0];
    const last = keyCalls[keyCalls.length - 1];
    if (!first || !last) continue;
    const rates = ratesAt(keyCalls);
    const sustained = keyCalls.length / Math.max((last.startMs - first.startMs) / 1000, 1);
    const atThrottle = keyCalls.flatMap((c, i) => (c.statusCode === 429 && c.service === service ? [{ call: c, rate: rates[i] ?? 0 }] : []));
    if (atThrottle.length < minThrottled) continue;
    const rateAt429 = median(atThrottle.map((t) => t.rate)) ?? 0;
    const peak = Math.max(...rates);
    if (rateAt429 < minPeakCalls || rateAt429 < burstFactor * sustained) continue;
    // Calls that got through in the second before each burst's first 429: about what the limit lets through at once.
    const firstOfBurst = atThrottle.filter((t, i) => i === 0 || t.call.startMs - (atThrottle[i - 1] as (typeof atThrottle)[number]).call.startMs >= windowMs);
    const passed = median(firstOfBurst.map((t) => t.rate - 1)) ?? 0;
    const groups = evidence.groups.filter((g) => g.service === service && g.key === key && g.statusCode === 429);
    const throttled = sumCalls(groups);
    out.push(
      buildFinding(evidence, {
        code: 'rate_limit.burst',
        status: '429',
        title: `${service} sends bursts of up to ${peak} calls a second; its 429s come in those peaks`,
        confidence: 'high',
        service,
        key,
        endpointIds: groups.map((g) => g.endpointId),
        calls: throttled,
        groups,
        sample: atThrottle.map((t) => t.call),
        figures: {
          throttled,
          peakPerSecond: peak,
          medianPerSecondAt429: rateAt429,
          sustainedPerSecond: Number(sustained.toFixed(2)),
          passedBeforeFirst429: passed,
          sampledCalls: keyCalls.length,
        },
        facts: [
          `${formatCount(throttled)} calls of ${service} got 429.`,
          `When they came, key ${key} was sending a median ${perSecond(rateAt429)} (peak ${perSecond(peak)}), against ${perSecond(sustained)} on average over its last ${formatCount(keyCalls.length)} calls.`,
          `About ${formatCount(passed)} calls got through in the second before each burst's first 429.`,
        ],
        advice:
          `Spread ${service}'s calls out: the key averages ${perSecond(sustained)}, which the limit allows, but sends up to ` +
          `${peak} calls within a second, and the limit lets about ${formatCount(passed)} through at once. Cap the calls in flight ` +
          `(e.g. a pool of at most ${Math.max(1, Math.floor(passed / 2))}) or pace them evenly through a queue, instead of ` +
          'starting a whole batch at once; keep honouring Retry-After for the 429s that still happen.',
        describe: (c) => `429 at ${atThrottle.find((t) => t.call.id === c.id)?.rate ?? '?'} calls in the second before it`,
      }),
    );
  }
  return out;
}
