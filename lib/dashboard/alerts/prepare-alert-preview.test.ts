import { describe, expect, it } from 'vitest';
import type { AlertPreviewRequest } from '@/lib/alerts/schemas/alert-preview-request-schema';
import type { AlertPreviewBucketRow } from '@/lib/db/queries/get-alert-preview-buckets';
import { alertPreviewRange, prepareAlertPreview, previewBuckets } from './prepare-alert-preview';

const noLatency = [0, 0, 0, 0, 0, 0, 0, 0];
const rule = (changes: Partial<AlertPreviewRequest> = {}): AlertPreviewRequest => ({
  metric: 'rate',
  codes: [429],
  comparator: '>',
  threshold: 0.2,
  windowSeconds: 300,
  minRequests: 10,
  scope: {},
  ...changes,
});

// 12:00 UTC on a day; the range ends with the 5-minute bucket holding 12:03.
const nowMs = Date.UTC(2026, 10, 25, 12, 3, 30);
const range = alertPreviewRange(300, nowMs);
const lastBucket = range.toMinute - 5;

function row(bucketMinute: number, statusCode: number, count: number, changes: Partial<AlertPreviewBucketRow> = {}): AlertPreviewBucketRow {
  const statusClass = `${Math.floor(statusCode / 100)}xx`;
  return { bucketMinute, instanceKey: '', statusCode, statusClass, count, latencyBuckets: noLatency, durationMaxMs: 40, ...changes };
}

describe('alertPreviewRange', () => {
  it("covers 72 buckets of the rule's window, ending with the bucket of the current minute", () => {
    expect(range).toEqual({ stepMinutes: 5, fromMinute: range.toMinute - 72 * 5, toMinute: Date.UTC(2026, 10, 25, 12, 5) / 60_000 });
  });

  it('rounds the window up to whole minutes and caps the bucket at an hour', () => {
    expect(alertPreviewRange(90, nowMs).stepMinutes).toBe(2);
    expect(alertPreviewRange(60, nowMs)).toMatchObject({ stepMinutes: 1, toMinute: Date.UTC(2026, 10, 25, 12, 4) / 60_000 });
    expect(alertPreviewRange(86_400, nowMs).stepMinutes).toBe(60);
  });
});

describe('prepareAlertPreview', () => {
  it('draws the rate in percent per bucket, with gaps below the minimum of calls and the threshold line', () => {
    const preview = prepareAlertPreview(
      [
        row(lastBucket - 10, 200, 16),
        row(lastBucket - 10, 429, 4), // 20%: on the line, not past it
        row(lastBucket - 5, 200, 3),
        row(lastBucket - 5, 429, 3), // 6 calls < minRequests 10: a gap
        row(lastBucket, 200, 6),
        row(lastBucket, 429, 4), // 40%
        row(range.fromMinute - 5, 429, 100), // before the range
      ],
      rule(),
      range,
    );
    expect(preview).toMatchObject({ unit: 'percent', stepMinutes: 5, threshold: 20, recoveryThreshold: null, instances: 1, crossingInstances: 1, empty: false });
    expect(preview.rows).toHaveLength(previewBuckets);
    expect(preview.fromMs).toBe(range.fromMinute * 60_000);
    expect(preview.rows.slice(-3)).toEqual([
      { t: (lastBucket - 10) * 60_000, s0: 20 },
      { t: (lastBucket - 5) * 60_000, s0: null },
      { t: lastBucket * 60_000, s0: 40 },
    ]);
    expect(preview.rows[0]).toEqual({ t: range.fromMinute * 60_000, s0: null });
    expect(preview.series).toEqual([
      { id: 's0', instanceKey: '', label: 'All calls in scope', color: '#58a6ff', dash: undefined, worst: 40, crossed: true, isolated: [previewBuckets - 3, previewBuckets - 1] },
    ]);
  });

  it('counts a bucket on the line as crossing only for >=', () => {
    const rows = [row(lastBucket, 200, 16), row(lastBucket, 429, 4)];
    expect(prepareAlertPreview(rows, rule(), range).crossingInstances).toBe(0);
    expect(prepareAlertPreview(rows, rule({ comparator: '>=' }), range).crossingInstances).toBe(1);
  });

  it('matches classes and several codes, and needs fewer calls when the bucket is shorter than the window', () => {
    const hourly = rule({ codes: ['5xx', 429], windowSeconds: 7200, minRequests: 20 });
    const hourRange = alertPreviewRange(7200, nowMs); // 60-minute buckets: half the window, so 10 calls suffice
    const last = hourRange.toMinute - 60;
    const preview = prepareAlertPreview([row(last, 200, 5), row(last, 503, 2), row(last, 500, 1), row(last, 429, 2), row(last - 60, 500, 9)], hourly, hourRange);
    expect(preview.rows.at(-1)).toEqual({ t: last * 60_000, s0: 50 });
    expect(preview.rows.at(-2)).toEqual({ t: (last - 60) * 60_000, s0: null });
  });

  it('shows the five worst instances of a fan-out, and counts every instance that crossed', () => {
    const rates = { fp_a: 1, fp_b: 6, fp_c: 3, fp_d: 0, fp_e: 8, fp_f: 5, fp_g: 2 }; // 429s out of 10
    const rows = Object.entries(rates).flatMap(([key, throttled]) => [
      row(lastBucket, 200, 10 - throttled, { instanceKey: key }),
      row(lastBucket, 429, throttled, { instanceKey: key }),
    ]);
    rows.push(row(lastBucket, 429, 5, { instanceKey: 'fp_quiet' })); // too few calls to measure
    const preview = prepareAlertPreview(rows, rule({ scope: { each: 'key' } }), range);
    expect(preview.series.map((s) => [s.instanceKey, s.worst, s.crossed])).toEqual([
      ['fp_e', 80, true],
      ['fp_b', 60, true],
      ['fp_f', 50, true],
      ['fp_c', 30, true],
      ['fp_g', 20, false],
    ]);
    expect(preview.series.map((s) => s.label)).toEqual(['fp_e', 'fp_b', 'fp_f', 'fp_c', 'fp_g']);
    expect(new Set(preview.series.map((s) => s.color)).size).toBe(5);
    expect(preview).toMatchObject({ instances: 8, crossingInstances: 4 });
    expect(preview.rows.at(-1)).toEqual({ t: lastBucket * 60_000, s0: 80, s1: 60, s2: 50, s3: 30, s4: 20 });
  });

  it('puts the lowest values first for a "<" rule', () => {
    const rows = ['fp_a', 'fp_b'].flatMap((key, i) => [row(lastBucket, 200, 10 - 4 * i, { instanceKey: key }), row(lastBucket, 500, 4 * i, { instanceKey: key })]);
    const preview = prepareAlertPreview(rows, rule({ codes: ['2xx'], comparator: '<', threshold: 0.9, scope: { each: 'key' } }), range);
    expect(preview.series.map((s) => [s.instanceKey, s.worst, s.crossed])).toEqual([
      ['fp_b', 60, true],
      ['fp_a', 100, false],
    ]);
  });

  it('reads p95 latency as the upper bound of its histogram bucket, and counts as calls', () => {
    const slow = row(lastBucket, 200, 20, { latencyBuckets: [10, 5, 3, 2, 0, 0, 0, 0] });
    const p95 = prepareAlertPreview([slow], rule({ metric: 'p95_latency', codes: [], threshold: 300 }), range);
    expect(p95).toMatchObject({ unit: 'ms', threshold: 300, crossingInstances: 1 });
    expect(p95.rows.at(-1)).toEqual({ t: lastBucket * 60_000, s0: 500 });
    const count = prepareAlertPreview([row(lastBucket, 200, 20), row(lastBucket, 429, 12)], rule({ metric: 'count', threshold: 10, recoveryThreshold: 5 }), range);
    expect(count).toMatchObject({ unit: 'calls', threshold: 10, recoveryThreshold: 5 });
    expect(count.rows.at(-1)).toEqual({ t: lastBucket * 60_000, s0: 12 });
  });

  it('draws no line and crosses nothing without a threshold', () => {
    const preview = prepareAlertPreview([row(lastBucket, 429, 20)], rule({ threshold: undefined }), range);
    expect(preview).toMatchObject({ threshold: null, crossingInstances: 0, empty: false });
  });

  it('is empty when no bucket had enough calls', () => {
    expect(prepareAlertPreview([], rule(), range)).toMatchObject({ series: [], instances: 0, empty: true });
    expect(prepareAlertPreview([row(lastBucket, 429, 3)], rule(), range)).toMatchObject({ instances: 1, empty: true });
  });
});
