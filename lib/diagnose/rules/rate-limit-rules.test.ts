// rate_limit.no_backoff and rate_limit.burst: how a throttled client retries and how it spaces its calls.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { rateLimitBurst } from './rate-limit-burst';
import { rateLimitNoBackoff } from './rate-limit-no-backoff';

const t0 = Date.UTC(2026, 0, 18, 8, 0);
const page = (service: string, at: number, status: number, resendCount: number | null = null, retryAfter?: string | null) =>
  apiCall({ service, key: `fp_${service}`, at, status, route: '/api/v4/cdr', durationMs: 5, resendCount, retryAfter });

/** Every 6 s, 26 pages at once: 20 pass, 6 are throttled and retried `retry` (ms after the 429, resends). */
function exportJob(service: string, rounds: number, retry: { afterMs: number; attempts: number; status: number }, retryAfter: string | null = '1') {
  return every(rounds, t0, 6000, (at) => [
    ...Array.from({ length: 20 }, (_, i) => page(service, at + i, 200)),
    ...Array.from({ length: 6 }, (_, i) => {
      const first = page(service, at + 20 + i, 429, null, retryAfter);
      const retries = Array.from({ length: retry.attempts }, (_, n) =>
        page(service, at + 25 + i + (n + 1) * (retry.afterMs + 5), n + 1 === retry.attempts ? retry.status : 429, n + 1, retryAfter),
      );
      return [first, ...retries];
    }).flat(),
  ]);
}
const steady = (service: string) => every(300, t0, 100, (at, i) => page(service, at, i % 5 === 0 ? 429 : 200));

const cases: { name: string; calls: ClassifiedRequest[]; noBackoff: number; burst: number }[] = [
  { name: 'retries at once, in bursts (cdr-export)', calls: exportJob('cdr-export', 5, { afterMs: 1, attempts: 3, status: 429 }), noBackoff: 1, burst: 1 },
  { name: 'waits Retry-After, in bursts (cdr-archiver)', calls: exportJob('cdr-archiver', 5, { afterMs: 1000, attempts: 1, status: 200 }), noBackoff: 0, burst: 1 },
  { name: 'near miss: waits a little less than Retry-After, within jitter', calls: exportJob('near', 5, { afterMs: 960, attempts: 1, status: 200 }), noBackoff: 0, burst: 1 },
  { name: 'no Retry-After, and retried at once', calls: exportJob('no-ra', 5, { afterMs: 10, attempts: 1, status: 200 }, null), noBackoff: 1, burst: 1 },
  // Most of its 429s are the evenly spaced retries, not the burst that started them.
  { name: 'no Retry-After, and retried after a fixed 2 s', calls: exportJob('fixed', 5, { afterMs: 2000, attempts: 3, status: 200 }, null), noBackoff: 1, burst: 0 },
  // Without resend counts the next call after a 429 counts as its retry: a client that keeps its pace
  // through 429s ignores Retry-After as much as one that retries at once.
  { name: 'steady overload through 429s, no bursts', calls: steady('steady'), noBackoff: 1, burst: 0 },
  {
    name: 'near miss: a slow poller whose next call comes after Retry-After anyway',
    calls: every(40, t0, 1500, (at, i) => page('poller', at, i % 3 === 0 ? 429 : 200)),
    noBackoff: 0,
    burst: 0,
  },
  { name: 'near miss: two retries too soon', calls: exportJob('two', 1, { afterMs: 1, attempts: 1, status: 200 }).slice(0, 24), noBackoff: 0, burst: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), noBackoff: 0, burst: 0 },
];

describe('429 rules', () => {
  it.each(cases)('$name', ({ calls, noBackoff, burst }) => {
    const evidence = evidenceFromCalls(calls);
    expect(rateLimitNoBackoff(evidence)).toHaveLength(noBackoff);
    expect(rateLimitBurst(evidence)).toHaveLength(burst);
  });
});

describe('rate_limit.no_backoff', () => {
  it('compares the retry gap with what Retry-After asked', () => {
    const [f] = rateLimitNoBackoff(evidenceFromCalls([...exportJob('cdr-export', 5, { afterMs: 1, attempts: 3, status: 429 }), ...healthyTraffic(t0)]));
    expect(f?.evidence.figures).toMatchObject({ throttled: 120, retries: 90, retriesTooSoon: 90, retryAfterMs: 1000, maxResendCount: 3 });
    expect(f?.evidence.figures.medianRetryGapMs).toBeLessThanOrEqual(5);
    expect(f?.title).toMatch(/^cdr-export retries 429s on \/api\/v4\/cdr after \d ms, not the 1 s asked$/);
    expect(f?.advice).toMatch(/^Wait at least 1 s \(the Retry-After of the 429\) before retrying — cdr-export's retries came \d ms after/);
    expect(f?.evidence.examples[0]?.detail).toMatch(/^retry #3 \d ms after a 429 that asked for 1 s$/);
    expect(f?.confidence).toBe('high');
  });

  it('matches retries to 429s by order, less surely, when the client reports no resend count', () => {
    const calls = exportJob('plain', 5, { afterMs: 1, attempts: 1, status: 200 }).map((c) => ({ ...c, resendCount: null }));
    const [f] = rateLimitNoBackoff(evidenceFromCalls(calls));
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence.facts).toContain('The calls carry no resend count, so retries were matched to 429s by order alone.');
  });
});

describe('rate_limit.burst', () => {
  it('shows the peak rate against the sustained rate and what passes at once', () => {
    const [f] = rateLimitBurst(evidenceFromCalls(exportJob('cdr-archiver', 5, { afterMs: 1000, attempts: 1, status: 200 })));
    expect(f?.evidence.figures).toMatchObject({ throttled: 30, peakPerSecond: 26, passedBeforeFirst429: 20 });
    expect(Number(f?.evidence.figures.sustainedPerSecond)).toBeLessThan(7);
    expect(f?.advice).toMatch(/sends up to 26 calls within a second, and the limit lets about 20 through at once/);
  });
});
