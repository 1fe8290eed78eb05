// What the retention job deletes, as one cutoff per kind of data, computed from the configured
// retention and the time. Pure, so every bound is unit-tested without a database.

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** Minute rollups outlive their floor this long, so a replica whose clock is ahead never prunes rows another still reads. */
const minuteRollupSlackMs = 60 * minuteMs;
/** Login failures older than the longest lockout window (FAULTLINE_LOGIN_LOCKOUT_SECONDS ≤ 1 day) never count again. */
const loginFailureKeepMs = dayMs;

export interface RetentionSettings {
  /** FAULTLINE_RETENTION_DAYS: raw calls and the minute rollups. */
  rawDays: number;
  /** FAULTLINE_ROLLUP_RETENTION_DAYS: the 10- and 60-minute rollups, ingest counters and alert history. */
  rollupDays: number;
}

export interface RetentionCutoffs {
  /** requests (and their request_error_keys) starting before this epoch ms. */
  requestsBeforeMs: number;
  /** request_minutes and error_key_minutes before this epoch minute (a multiple of 10). */
  minuteRollupsBeforeMinute: number;
  /** request_rollups and error_key_rollups, both grains, before this epoch minute (a multiple of 60). */
  coarseRollupsBeforeMinute: number;
  /** ingest_minutes before this epoch minute are folded into one row, so the all-time counters stay. */
  ingestMinutesBeforeMinute: number;
  /** alert_events, and delivered or failed alert_deliveries, before this epoch ms. */
  alertHistoryBeforeMs: number;
  /** login_failures before this epoch ms. */
  loginFailuresBeforeMs: number;
  /** Sessions expired before this epoch ms. */
  sessionsExpiredBeforeMs: number;
}

/** The oldest epoch minute whose minute rollups a reader may rely on (see planRollupSegments). */
export function minuteRollupFloor(rawDays: number, nowMs: number): number {
  return Math.floor((nowMs - rawDays * dayMs) / minuteMs);
}

export function retentionCutoffs(settings: RetentionSettings, nowMs: number): RetentionCutoffs {
  const rawBeforeMs = nowMs - settings.rawDays * dayMs;
  const rollupBeforeMs = nowMs - settings.rollupDays * dayMs;
  return {
    requestsBeforeMs: rawBeforeMs,
    minuteRollupsBeforeMinute: roundDown(Math.floor((rawBeforeMs - minuteRollupSlackMs) / minuteMs), 10),
    coarseRollupsBeforeMinute: roundDown(Math.floor(rollupBeforeMs / minuteMs), 60),
    ingestMinutesBeforeMinute: Math.floor(rollupBeforeMs / minuteMs),
    alertHistoryBeforeMs: rollupBeforeMs,
    loginFailuresBeforeMs: nowMs - loginFailureKeepMs,
    sessionsExpiredBeforeMs: nowMs,
  };
}

const roundDown = (value: number, step: number) => Math.floor(value / step) * step;
