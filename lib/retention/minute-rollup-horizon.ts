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
