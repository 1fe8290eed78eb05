// The latency histogram kept in request_minutes: upper bounds in milliseconds, one column each.
export const latencyBucketBoundsMs = [50, 100, 250, 500, 1000, 2500, 5000] as const;

export const latencyBucketColumns = [
  'lat_le_50',
  'lat_le_100',
  'lat_le_250',
  'lat_le_500',
  'lat_le_1000',
  'lat_le_2500',
  'lat_le_5000',
  'lat_over_5000',
] as const;

/** Index into latencyBucketColumns for one call's duration. */
export function latencyBucketIndex(durationMs: number): number {
  const i = latencyBucketBoundsMs.findIndex((bound) => durationMs <= bound);
  return i === -1 ? latencyBucketBoundsMs.length : i;
}
