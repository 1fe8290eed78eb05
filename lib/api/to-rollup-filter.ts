// Converts a validated time range to whole rollup minutes: the start rounds down and the
// end rounds up, so a range always covers the minutes it touches.
import type { RangeFilterRequest } from '@/lib/api/schemas/time-range-schema';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';

export function toRollupFilter(r: RangeFilterRequest): RollupFilter {
  return {
    fromMinute: Math.floor(r.fromMs / 60_000),
    toMinute: Math.ceil(r.toMs / 60_000),
    service: r.service,
    environment: r.environment,
    endpoint: r.endpoint,
    key: r.key,
  };
}
