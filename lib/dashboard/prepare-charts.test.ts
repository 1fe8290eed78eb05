import { describe, expect, it } from 'vitest';
import type { StatusSeries } from '@/lib/series/build-status-series';
import { formatBucketTime, formatChartValue, prepareStatusChart } from './prepare-status-chart';
import { prepareSparkline } from './prepare-sparkline';
import { statusClassOf, statusLabel, statusStyle } from './status-style';

const series: StatusSeries[] = [
  {
    code: '401',
    points: [
      { t: '2026-11-25T12:00:00.000Z', count: 2, rate: 0.5 },
      { t: '2026-11-25T12:01:00.000Z', count: 0, rate: null },
      { t: '2026-11-25T12:02:00.000Z', count: 0, rate: 0 },
    ],
  },
  {
    code: '429',
    points: [
      { t: '2026-11-25T12:00:00.000Z', count: 1, rate: 0.25 },
      { t: '2026-11-25T12:01:00.000Z', count: 0, rate: null },
      { t: '2026-11-25T12:02:00.000Z', count: 3, rate: 1 / 3 },
    ],
  },
];

describe('prepareStatusChart', () => {
  it('gives one row per bucket with rates in percent, a gap where there were no calls, a zero where there were', () => {
    const chart = prepareStatusChart(series, 'rate');
    expect(chart.rows).toEqual([
      { t: Date.parse('2026-11-25T12:00:00Z'), '401': 50, '429': 25 },
      { t: Date.parse('2026-11-25T12:01:00Z'), '401': null, '429': null },
      { t: Date.parse('2026-11-25T12:02:00Z'), '401': 0, '429': 33.33 },
    ]);
    expect(chart.empty).toBe(false);
  });

  it('marks points with gaps on both sides, which a line cannot draw', () => {
    const chart = prepareStatusChart(series, 'rate');
    expect(chart.lines.map((l) => [l.code, l.isolated])).toEqual([
      ['401', [0, 2]],
      ['429', [0, 2]],
    ]);
  });

  it('gives counts in count mode, still null for buckets without calls', () => {
    const chart = prepareStatusChart(series, 'count');
    expect(chart.rows.map((r) => r['429'])).toEqual([1, null, 3]);
  });

  it('labels, colours and totals each line', () => {
    const { lines } = prepareStatusChart(series, 'rate');
    expect(lines.map((l) => [l.code, l.label, l.total])).toEqual([
      ['401', 'Unauthorized', 2],
      ['429', 'Too Many Requests', 4],
    ]);
    expect(lines[0]?.color).not.toBe(lines[1]?.color);
    expect(lines[0]?.dash).not.toBe(lines[1]?.dash);
  });

  it('is empty when no bucket had a call', () => {
    const quiet: StatusSeries[] = [{ code: '401', points: [{ t: '2026-11-25T12:00:00.000Z', count: 0, rate: null }] }];
    expect(prepareStatusChart(quiet, 'rate').empty).toBe(true);
    expect(prepareStatusChart([], 'rate')).toEqual({ rows: [], lines: [], empty: true });
  });
});

describe('formatting', () => {
  it('formats values and bucket times', () => {
    expect(formatChartValue(null, 'rate')).toBe('no calls');
    expect(formatChartValue(4.25, 'rate')).toBe('4.3%');
    expect(formatChartValue(42, 'rate')).toBe('42%');
    expect(formatChartValue(12345, 'count')).toBe('12,345');
    expect(formatBucketTime(Date.parse('2026-11-25T09:05:00Z'), 3_600_000)).toBe('09:05');
    expect(formatBucketTime(Date.parse('2026-11-25T09:05:00Z'), 7 * 86_400_000)).toBe('Nov 25 09:05');
  });
});

describe('status styles', () => {
  it('gives the three headline statuses distinct colours, dashes and labels', () => {
    const three = ['401', '403', '429'].map(statusStyle);
    expect(new Set(three.map((s) => s.color)).size).toBe(3);
    expect(new Set(three.map((s) => s.dash ?? 'solid')).size).toBe(3);
    expect(three.map((s) => s.label)).toEqual(['Unauthorized', 'Forbidden', 'Too Many Requests']);
  });

  it('falls back for unknown codes and names classes', () => {
    expect(statusLabel('499')).toBe('HTTP 499');
    expect(statusStyle('418').color).toBe('#d29922');
    expect(statusClassOf('404')).toBe('4xx');
    expect(statusClassOf('network')).toBe('network');
    expect(statusClassOf('0')).toBe('network');
  });
});

describe('prepareSparkline', () => {
  it('draws a path scaled to the maximum and breaks it at gaps', () => {
    const line = prepareSparkline([0, 4, null, 2], 30, 10);
    expect(line.max).toBe(4);
    expect(line.path).toBe('M0.0 9.0L10.0 1.0');
    expect(line.dots).toEqual([{ x: 30, y: 5 }]);
  });

  it('draws a point between gaps (or alone) as a dot, since a path cannot show it', () => {
    const line = prepareSparkline([null, 2, null, 1, 1], 40, 10);
    expect(line.dots).toEqual([{ x: 10, y: 1 }]);
    expect(line.path).toBe('M30.0 5.0L40.0 5.0');
    expect(prepareSparkline([3], 10, 10).dots).toEqual([{ x: 5, y: 1 }]);
  });

  it('draws nothing without values and a flat line for zeros', () => {
    expect(prepareSparkline([]).path).toBe('');
    expect(prepareSparkline([null, null]).path).toBe('');
    expect(prepareSparkline([0, 0], 10, 10).path).toBe('M0.0 9.0L10.0 9.0');
  });
});
