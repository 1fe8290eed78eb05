// Decides which rollup grain answers which part of a time range: whole hours from the hourly
// rollups, the ragged edges from 10-minute and then minute rollups. A day then reads about
// 12k rows instead of 250k, and the answer is exactly what the minute rollups would give.

/** Grains kept in request_rollups, coarsest first; 1 is request_minutes. */
export const coarseGrains = [60, 10] as const;

export interface RollupSegment {
  /** 1 (request_minutes), 10 or 60 (request_rollups). */
  grain: number;
  /** Inclusive epoch minute, a multiple of grain. */
  fromMinute: number;
  /** Exclusive epoch minute, a multiple of grain. */
  toMinute: number;
}

/**
 * Segments covering [fromMinute, toMinute) exactly, each read from one grain. With
 * `stepMinutes` (a chart's bucket), only grains that divide the step are used, so every
 * coarse row falls entirely inside one chart bucket.
 */
export function planRollupSegments(fromMinute: number, toMinute: number, stepMinutes?: number): RollupSegment[] {
  const grains = coarseGrains.filter((g) => stepMinutes === undefined || stepMinutes % g === 0);
  return plan(fromMinute, toMinute, grains).sort((a, b) => a.fromMinute - b.fromMinute);
}

function plan(from: number, to: number, grains: readonly number[]): RollupSegment[] {
  if (from >= to) return [];
  const [grain, ...finer] = grains;
  if (grain === undefined) return [{ grain: 1, fromMinute: from, toMinute: to }];
  const start = Math.ceil(from / grain) * grain;
  const end = Math.floor(to / grain) * grain;
  if (start >= end) return plan(from, to, finer);
  return [...plan(from, start, finer), { grain, fromMinute: start, toMinute: end }, ...plan(end, to, finer)];
}
