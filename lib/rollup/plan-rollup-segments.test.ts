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

  describe('past the minute rollups\' retention', () => {
    it('plans as before when the whole range is after the floor', () => {
      expect(planRollupSegments(607, 802, undefined, 600)).toEqual(planRollupSegments(607, 802));
      expect(planRollupSegments(607, 802, 5, 601)).toEqual(planRollupSegments(607, 802, 5));
    });

    it('widens an edge before the floor to its 10-minute bucket and keeps the recent edge exact', () => {
      // 10:07 .. 13:22 with minute rollups kept from 11:40 on: 10:07 widens to 10:00.
      expect(planRollupSegments(607, 802, undefined, 700)).toEqual([
        { grain: 60, fromMinute: 600, toMinute: 780 },
        { grain: 10, fromMinute: 780, toMinute: 800 },
        { grain: 1, fromMinute: 800, toMinute: 802 },
      ]);
    });

    it('widens both edges of a range that ends before the floor', () => {
      expect(planRollupSegments(607, 653, undefined, 1000)).toEqual([{ grain: 60, fromMinute: 600, toMinute: 660 }]);
      expect(planRollupSegments(612, 618, undefined, 1000)).toEqual([{ grain: 10, fromMinute: 610, toMinute: 620 }]);
    });

    it('reads 10-minute rows for the old part of a chart whose step 10 does not divide', () => {
      expect(planRollupSegments(603, 1440, 5, 695)).toEqual([
        { grain: 10, fromMinute: 600, toMinute: 700 },
        { grain: 1, fromMinute: 700, toMinute: 1440 },
      ]);
    });

    it.each([
      [607, 802, undefined, 700],
      [1, 1439, undefined, 1439],
      [59, 6001, 60, 3000],
      [3, 2000, 5, 1234],
      [3, 2000, 1, 5000],
      [3, 2000, 15, 999],
      [0, 100, 30, 41],
    ])('never reads minute rows before the floor: [%i, %i) step %s floor %i', (from, to, step, floor) => {
      const segments = planRollupSegments(from, to, step, floor);
      const widenedFrom = Math.floor(from / 10) * 10;
      const widenedTo = to <= Math.ceil(floor / 10) * 10 ? Math.ceil(to / 10) * 10 : to;
      expect(segments[0]?.fromMinute).toBe(widenedFrom);
      expect(covered(segments)).toBe(widenedTo - widenedFrom);
      for (const [i, s] of segments.entries()) {
        expect(s.fromMinute % s.grain).toBe(0);
        if (s.grain === 1) expect(s.fromMinute).toBeGreaterThanOrEqual(floor);
        if (i > 0) expect(s.fromMinute).toBe(segments[i - 1]?.toMinute);
      }
    });
  });
});
