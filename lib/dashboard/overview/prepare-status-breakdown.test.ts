import { describe, expect, it } from 'vitest';
import { prepareStatusBreakdown } from './prepare-status-breakdown';
import { sumStatusBuckets } from './sum-status-buckets';

describe('sumStatusBuckets', () => {
  it('totals the per-bucket counts by status, with "network" for calls without a response', () => {
    expect(
      sumStatusBuckets([
        { bucketMinute: 1, statusCode: 200, statusClass: '2xx', count: 3 },
        { bucketMinute: 1, statusCode: 429, statusClass: '4xx', count: 2 },
        { bucketMinute: 2, statusCode: 429, statusClass: '4xx', count: 5 },
        { bucketMinute: 2, statusCode: 0, statusClass: 'network', count: 1 },
      ]),
    ).toEqual({ total: 11, byStatus: { '200': 3, '429': 7, network: 1 } });
    expect(sumStatusBuckets([])).toEqual({ total: 0, byStatus: {} });
  });
});

describe('prepareStatusBreakdown', () => {
  it('lists each status with its label, class, count and share, most frequent first, ties by code', () => {
    expect(prepareStatusBreakdown({ total: 8, byStatus: { '200': 4, '401': 1, '429': 2, network: 1 } })).toEqual([
      { status: '200', label: 'OK', statusClass: '2xx', count: 4, share: 0.5, shareText: '50%' },
      { status: '429', label: 'Too Many Requests', statusClass: '4xx', count: 2, share: 0.25, shareText: '25%' },
      { status: '401', label: 'Unauthorized', statusClass: '4xx', count: 1, share: 0.125, shareText: '12.5%' },
      { status: 'network', label: 'No response', statusClass: 'network', count: 1, share: 0.125, shareText: '12.5%' },
    ]);
  });

  it('labels unknown codes by number and drops empty statuses', () => {
    expect(prepareStatusBreakdown({ total: 1, byStatus: { '418': 1, '500': 0 } })).toEqual([
      { status: '418', label: 'HTTP 418', statusClass: '4xx', count: 1, share: 1, shareText: '100%' },
    ]);
    expect(prepareStatusBreakdown({ total: 0, byStatus: {} })).toEqual([]);
  });
});
