// One sampled call as the diagnosis queries return it: the columns that tell why a call failed
// (auth scheme, Accept, Retry-After, resend count, error body) and when exactly it started.
import { Prisma } from '../generated/sqlite/client';
import { toNumber } from '../sql-dialect';

export interface CallSample {
  id: number;
  traceId: string;
  startMs: number;
  durationMs: number;
  service: string;
  environment: string;
  endpointId: string;
  /** 0 when the call got no response. */
  statusCode: number;
  /** '' when the call carried no key fingerprint. */
  key: string;
  /** bearer, other, none, or '' when the instrumentation did not say. */
  authScheme: string;
  accept: string | null;
  retryAfter: string | null;
  resendCount: number | null;
  errorKey: string | null;
  /** The first 1,000 characters of the provider's error body. */
  errorBody: string | null;
}

/** The calls a sample may come from: a time range, optionally one environment. */
export interface CallRange {
  fromMs: number;
  toMs: number;
  environment?: string;
}

// Error bodies are at most 4 KiB; the rules read only their first lines (field messages, formats).
export const callSampleColumns = Prisma.raw(
  'r.id, r.trace_id, r.start_ms, r.duration_ms, r.service, r.environment, r.endpoint_id, r.status_code, ' +
    'r.api_key_fingerprint, r.auth_scheme, r.accept, r.retry_after, r.resend_count, r.error_key, ' +
    'SUBSTR(r.error_body, 1, 1000) AS error_body',
);

/** ` AND r.start_ms …` for the range (and environment) of calls aliased `r`. */
export function callRangeSql(range: CallRange): Prisma.Sql {
  const environment = range.environment === undefined ? Prisma.empty : Prisma.sql` AND r.environment = ${range.environment}`;
  return Prisma.sql` AND r.start_ms >= ${range.fromMs} AND r.start_ms < ${range.toMs}${environment}`;
}

// SQLite refuses compound SELECTs of more than 500 terms.
export const maxUnionTerms = 100;

const text = (v: unknown) => (v == null ? null : String(v));

export function toCallSample(r: Record<string, unknown>): CallSample {
  return {
    id: toNumber(r.id),
    traceId: String(r.trace_id),
    startMs: toNumber(r.start_ms),
    durationMs: toNumber(r.duration_ms),
    service: String(r.service),
    environment: String(r.environment),
    endpointId: String(r.endpoint_id),
    statusCode: toNumber(r.status_code),
    key: String(r.api_key_fingerprint),
    authScheme: String(r.auth_scheme),
    accept: text(r.accept),
    retryAfter: text(r.retry_after),
    resendCount: r.resend_count == null ? null : toNumber(r.resend_count),
    errorKey: text(r.error_key),
    errorBody: text(r.error_body),
  };
}
