import { describe, expect, it } from 'vitest';
import type { StatusTotals } from '@/lib/db/queries/get-status-totals';
import { compareCounts, compareKpis, compareRates, previousPeriodLabel } from './compare-kpis';

const totals = (byStatus: Record<string, number>): StatusTotals => ({
  total: Object.values(byStatus).reduce((a, b) => a + b, 0),
  byStatus,
});
const none = totals({});
const byId = (current: StatusTotals, previous: StatusTotals) =>
  Object.fromEntries(compareKpis(current, previous, 'previous hour').map((k) => [k.id, k]));

describe('compareKpis', () => {
  it('gives the five tiles in order: requests, error rate, 401, 403, 429 with counts and rates', () => {
    const current = totals({ '200': 150, '401': 20, '403': 5, '429': 25 });
    const kpis = compareKpis(current, totals({ '200': 100 }), 'previous hour');
    expect(kpis.map((k) => [k.id, k.label, k.value, k.detail])).toEqual([
      ['requests', 'Requests', '200', '100 in the previous hour'],
      ['errors', 'Error rate', '25%', '50 failed calls'],
      ['401', '401 Unauthorized', '20', '10% of calls'],
      ['403', '403 Forbidden', '5', '2.5% of calls'],
      ['429', '429 Too Many Requests', '25', '12.5% of calls'],
    ]);
  });

  it('compares each with the previous period as a signed change in words, not only colour', () => {
    const k = byId(totals({ '200': 100, '401': 12, '429': 5 }), totals({ '200': 90, '401': 10, '429': 10 }));
    expect(k.requests?.change).toEqual({ direction: 'up', text: '▲ 6% vs previous hour', spoken: 'up 6% vs previous hour', tone: 'neutral' });
    expect(k['401']?.change).toEqual({ direction: 'up', text: '▲ 20% vs previous hour', spoken: 'up 20% vs previous hour', tone: 'bad' });
    expect(k['429']?.change).toEqual({ direction: 'down', text: '▼ 50% vs previous hour', spoken: 'down 50% vs previous hour', tone: 'good' });
    expect(k['403']?.change.direction).toBe('same');
    // 117 calls against 110: +6.4%. Error rate 17/117 = 14.53% against 20/110 = 18.18%: -3.65 points.
    expect(k.errors?.change).toEqual({
      direction: 'down',
      text: '▼ 3.7 points vs previous hour',
      spoken: 'down 3.7 points vs previous hour',
      tone: 'good',
    });
  });

  it('shows "—", not 0%, for rates when there were no calls at all, and says there is nothing to compare', () => {
    const k = byId(none, totals({ '200': 10, '401': 2 }));
    expect(k.requests?.value).toBe('0');
    expect(k.requests?.change.text).toBe('▼ 100% vs previous hour');
    expect(k.errors?.value).toBe('—');
    expect(k.errors?.detail).toBe('0 failed calls');
    expect(k.errors?.change).toMatchObject({ direction: 'none', text: '— no calls in this range' });
    expect(k['401']?.value).toBe('0');
    expect(k['401']?.detail).toBe('rate — (no calls)');
    expect(k['401']?.change).toMatchObject({ direction: 'down', text: '▼ 100% vs previous hour', tone: 'good' });
  });

  it('handles a previous period without calls: counts rise "from 0", the rate cannot be compared', () => {
    const k = byId(totals({ '200': 3, '429': 1 }), none);
    expect(k.requests?.change).toMatchObject({ direction: 'up', text: '▲ from 0 vs previous hour' });
    expect(k['429']?.change).toMatchObject({ direction: 'up', text: '▲ from 0 vs previous hour', tone: 'bad' });
    expect(k['401']?.change).toMatchObject({ direction: 'same', text: '= same as previous hour' });
    expect(k.errors?.value).toBe('25%');
    expect(k.errors?.change).toMatchObject({ direction: 'none', text: '— no calls in the previous hour' });
  });

  it('says "same" for two empty periods', () => {
    const k = byId(none, none);
    expect(compareKpis(none, none, 'previous hour').map((kpi) => kpi.change.direction)).toEqual(['same', 'none', 'same', 'same', 'same']);
    expect(k.errors?.value).toBe('—');
  });

  it('rates failures as 4xx, 5xx and calls without a response, not 2xx or 3xx', () => {
    expect(byId(totals({ '200': 1, network: 1 }), none).errors?.value).toBe('50%');
    expect(byId(totals({ '200': 2, '304': 1, '404': 1, '503': 1, network: 1 }), none).errors?.value).toBe('50%');
  });
});

describe('compareCounts', () => {
  it.each([
    [112, 100, 'up', '▲ 12% vs previous day'],
    [100, 112, 'down', '▼ 11% vs previous day'],
    // Rounds half away from zero in both directions.
    [1125, 1000, 'up', '▲ 13% vs previous day'],
    [875, 1000, 'down', '▼ 13% vs previous day'],
    // A change that rounds to 0% is still a change.
    [1004, 1000, 'up', '▲ <1% vs previous day'],
    [996, 1000, 'down', '▼ <1% vs previous day'],
    [25_000, 100, 'up', '▲ 24,900% vs previous day'],
    [0, 7, 'down', '▼ 100% vs previous day'],
    [7, 7, 'same', '= same as previous day'],
  ] as const)('%d against %d is %s: %s', (current, previous, direction, text) => {
    expect(compareCounts(current, previous, 'previous day', true)).toMatchObject({ direction, text });
  });

  it('colours by what the figure means: more failures are bad, fewer good, calls neutral', () => {
    expect(compareCounts(2, 1, 'p', true).tone).toBe('bad');
    expect(compareCounts(1, 2, 'p', true).tone).toBe('good');
    expect(compareCounts(2, 1, 'p', null).tone).toBe('neutral');
    expect(compareCounts(1, 1, 'p', true).tone).toBe('neutral');
  });
});

describe('compareRates', () => {
  const rate = (count: number, total: number) => ({ count, total });
  it.each([
    [rate(1, 4), rate(1, 4), 'same', '= same as previous hour'],
    // Equal rates from different totals are the same, without floating-point noise.
    [rate(1, 3), rate(2, 6), 'same', '= same as previous hour'],
    [rate(3, 10), rate(2, 10), 'up', '▲ 10 points vs previous hour'],
    [rate(11, 100), rate(10, 100), 'up', '▲ 1 point vs previous hour'],
    [rate(1, 8), rate(1, 10), 'up', '▲ 2.5 points vs previous hour'],
    [rate(1, 100_000), rate(0, 100_000), 'up', '▲ <0.1 points vs previous hour'],
    [rate(0, 5), rate(5, 5), 'down', '▼ 100 points vs previous hour'],
  ] as const)('%o against %o is %s', (current, previous, direction, text) => {
    expect(compareRates(current, previous, 'previous hour')).toMatchObject({ direction, text });
  });
});

describe('previousPeriodLabel', () => {
  it('names the period of the same length before the range', () => {
    expect(['15m', '1h', '6h', '24h', '7d', 'custom'].map((r) => previousPeriodLabel(r as '1h'))).toEqual([
      'previous 15 minutes',
      'previous hour',
      'previous 6 hours',
      'previous 24 hours',
      'previous 7 days',
      'previous period',
    ]);
  });
});
