import { describe, expect, it } from 'vitest';
import { planRollupSegments } from './plan-rollup-segments';

const covered = (segments: ReturnType<typeof planRollupSegments>) =>
  segments.reduce((sum, s) => sum + (s.toMinute - s.fromMinute), 0);

describe('planRollupSegments', () => {
  it('reads whole hours hourly and the edges from 10-minute and minute rollups', () => {
    // 10:07 .. 13:22
    expect(planRollupSegments(607, 802)).toEqual([
      { grain: 1, fromMinute: 607, toMinute: 610 },
      { grain: 10, fromMinute: 610, toMinute: 660 },
      { grain: 60, fromMinute: 660, toMinute: 780 },
      { grain: 10, fromMinute: 780, toMinute: 800 },
      { grain: 1, fromMinute: 800, toMinute: 802 },
    ]);
  });

  it.each([
    [0, 1440],
    [1, 1439],
    [605, 615],
    [607, 609],
    [600, 660],
    [59, 61],
  ])('covers [%i, %i) exactly, without overlap', (from, to) => {
    const segments = planRollupSegments(from, to);
    expect(covered(segments)).toBe(to - from);
    for (const [i, s] of segments.entries()) {
      expect(s.fromMinute % s.grain).toBe(0);
      expect(s.toMinute % s.grain).toBe(0);
      if (i > 0) expect(s.fromMinute).toBe(segments[i - 1]?.toMinute);
    }
  });

  it('uses only grains that divide the chart step', () => {
    expect(planRollupSegments(0, 1440, 10).map((s) => s.grain)).toEqual([10]);
    expect(planRollupSegments(3, 1440, 5).every((s) => s.grain === 1)).toBe(true);
    expect(planRollupSegments(0, 1440, 60).map((s) => s.grain)).toEqual([60]);
    expect(planRollupSegments(0, 1440, 120).map((s) => s.grain)).toEqual([60]);
  });

  it('returns nothing for an empty range', () => {
    expect(planRollupSegments(10, 10)).toEqual([]);
    expect(planRollupSegments(11, 10)).toEqual([]);
  });
});
