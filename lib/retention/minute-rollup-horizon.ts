// The raw retention the server enforces, for the read path: minute rollups are pruned with the
// raw calls, so rollup-source.ts must not read them for older minutes. Registered by the
// retention runner at start-up; a process that prunes nothing (tests, scripts) plans exactly.
import { minuteRollupFloor } from './retention-cutoffs';

// On globalThis: Next bundles the start-up hook and the route handlers separately.
const globalForRetention = globalThis as unknown as { faultlineRawRetentionDays?: number };

/** Declares that minute rollups older than `rawDays` may be gone (undefined: never pruned). */
export function setMinuteRollupRetention(rawDays: number | undefined): void {
  globalForRetention.faultlineRawRetentionDays = rawDays;
}

/** The oldest epoch minute whose minute rollups are surely kept, or undefined when none are pruned. */
export function currentMinuteRollupFloor(nowMs = Date.now()): number | undefined {
  const days = globalForRetention.faultlineRawRetentionDays;
  return days === undefined ? undefined : minuteRollupFloor(days, nowMs);
}

// An hour past the floor: replicas' clocks and a slow fold never put a bucket the fold job
// rebuilds from minute rows next to minute rows retention is about to delete.
const foldMarginMinutes = 60;

/**
 * The first epoch minute whose calls ingest leaves to the fold job (their 10-minute bucket's
 * minute rows are surely kept until it has run); older calls go straight into the coarse
 * rollups. Undefined when nothing is pruned: everything is folded.
 */
export function currentFoldFromMinute(nowMs = Date.now()): number | undefined {
  const floor = currentMinuteRollupFloor(nowMs);
  return floor === undefined ? undefined : Math.ceil(floor / 10) * 10 + foldMarginMinutes;
}
