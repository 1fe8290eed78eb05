// conflict.state: the same operation repeated into 409 within seconds.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { conflictState } from './conflict-state';

const t0 = Date.UTC(2026, 0, 16, 8, 0);
const route = '/api/v4/campaigns/{id}/start';
const start = (at: number, resendCount: number | null = null) =>
  apiCall({ service: 'campaign-bot', key: 'fp_bot', at, status: 409, method: 'POST', route, resendCount, durationMs: 20 });
/** Each round: a 409, then two resends 300 ms after each. */
const bot = (rounds: number) => every(rounds, t0, 60_000, (at) => [start(at), start(at + 320, 1), start(at + 640, 2)]);

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires on a retry loop', calls: bot(2), findings: 1 },
  { name: 'near miss: conflicts a minute apart, never repeated', calls: every(10, t0, 60_000, (at) => start(at)), findings: 0 },
  { name: 'near miss: one retry only', calls: [...every(3, t0, 60_000, (at) => start(at)), start(t0 + 320, 1)], findings: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('conflict.state', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(conflictState(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('says how often and how soon the operation was repeated, and where to read the state', () => {
    const [f] = conflictState(evidenceFromCalls([...bot(4), ...healthyTraffic(t0)]));
    expect(f?.evidence.figures).toMatchObject({ conflicts: 12, repeats: 8, medianRepeatGapMs: 300, maxResendCount: 2 });
    expect(f?.advice).toContain('GET /api/v4/campaigns/{id}');
    expect(f?.advice).toContain('8 times, a median 300 ms after a 409');
    expect(f?.evidence.examples[0]?.detail).toBe('409 again (resend #2)');
    expect(f?.requestFilters).toMatchObject({ status: '409', key: 'fp_bot' });
  });

  it('counts quick repeats without resend counts too', () => {
    const calls = every(3, t0, 60_000, (at) => [start(at), start(at + 2000), start(at + 4000)]);
    expect(conflictState(evidenceFromCalls(calls))[0]?.evidence.figures.repeats).toBe(6);
  });
});
