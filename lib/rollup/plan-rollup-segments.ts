// Decides which rollup grain answers which part of a time range: whole hours from the hourly
// rollups, the ragged edges from 10-minute and then minute rollups. A day then reads about
// 12k rows instead of 250k, and the answer is exactly what the minute rollups would give.
// Minute rollups are kept only as long as raw calls (lib/retention): before `minuteFloor`,
// an edge that would need them is rounded out to its 10-minute bucket instead.

/** Grains kept in request_rollups, coarsest first; 1 is request_minutes. */
export const coarseGrains = [60, 10] as const;

/** The finest grain kept past the minute rollups' retention. */
const oldDataGrain = 10;

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
 * coarse row falls entirely inside one chart bucket. With `minuteFloor` (the oldest epoch
 * minute whose minute rollups are surely kept), nothing before it is read from the minute
 * grain: the range's edges before it widen to whole 10-minute buckets, and a chart step that
 * 10 does not divide gets each 10-minute row in the bucket where the row starts.
 */
export function planRollupSegments(fromMinute: number, toMinute: number, stepMinutes?: number, minuteFloor?: number): RollupSegment[] {
  const grains = coarseGrains.filter((g) => stepMinutes === undefined || stepMinutes % g === 0);
  if (minuteFloor === undefined || fromMinute >= toMinute || fromMinute >= minuteFloor) {
    return plan(fromMinute, toMinute, grains).sort(byStart);
  }
  const floor = roundUp(minuteFloor, oldDataGrain);
  const from = roundDown(fromMinute, oldDataGrain);
  const to = toMinute <= floor ? roundUp(toMinute, oldDataGrain) : toMinute;
  // Every minute-grain piece plan() makes lies at an edge that is not a multiple of 10: here
  // only `to`, and only when it is past the floor.
  if (grains.includes(oldDataGrain)) return plan(from, to, grains).sort(byStart);
  const old = plan(from, Math.min(to, floor), [oldDataGrain]);
  const recent = to > floor ? plan(floor, to, grains) : [];
  return [...old, ...recent].sort(byStart);
}

function plan(from: number, to: number, grains: readonly number[]): RollupSegment[] {
  if (from >= to) return [];
  const [grain, ...finer] = grains;
  if (grain === undefined) return [{ grain: 1, fromMinute: from, toMinute: to }];
  const start = roundUp(from, grain);
  const end = roundDown(to, grain);
  if (start >= end) return plan(from, to, finer);
  return [...plan(from, start, finer), { grain, fromMinute: start, toMinute: end }, ...plan(end, to, finer)];
}

const byStart = (a: RollupSegment, b: RollupSegment) => a.fromMinute - b.fromMinute;
const roundUp = (minute: number, grain: number) => Math.ceil(minute / grain) * grain;
const roundDown = (minute: number, grain: number) => Math.floor(minute / grain) * grain;
