// One stored call as the request queries return it, and the mapping from a raw `requests`
// row (joined with its key's label) to it. Shared by list-requests and get-request-by-id.
import { toNumber } from '../sql-dialect';

export interface StoredRequest {
  id: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  spanName: string;
  startMs: number;
  durationMs: number;
  service: string;
  environment: string;
  endpointId: string;
  method: string;
  host: string;
  route: string;
  /** 0 when the call got no response. */
  statusCode: number;
  statusClass: string;
  errorType: string | null;
  /** The first error key, as stored for display. */
  errorKey: string | null;
  /** Every error key of the call (request_error_keys), the first one first. */
  errorKeys: string[];
  errorBody: string | null;
  /** '' when the call carried no key fingerprint. */
  apiKeyFingerprint: string;
  /** The user's label of the key (api_keys.label), if any. */
  apiKeyLabel: string | null;
  authScheme: string;
  accept: string | null;
  retryAfter: string | null;
  resendCount: number | null;
  /** The attributes kept by FAULTLINE_EXTRA_ATTRIBUTES (secrets already redacted), or null. */
  extraAttributes: Record<string, unknown> | null;
  receivedMs: number;
}

const text = (v: unknown) => (v == null ? null : String(v));

/** The extra_attributes column: a JSON object, or null (also for anything else, which ingest never writes). */
function jsonObject(v: unknown): Record<string, unknown> | null {
  if (v == null) return null;
  try {
    const parsed: unknown = JSON.parse(String(v));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A `SELECT r.*, k.label AS api_key_label` row plus the call's error keys. */
export function toStoredRequest(r: Record<string, unknown>, errorKeys: readonly string[]): StoredRequest {
  const errorKey = text(r.error_key);
  return {
    id: toNumber(r.id),
    traceId: String(r.trace_id),
    spanId: String(r.span_id),
    parentSpanId: text(r.parent_span_id),
    spanName: String(r.span_name),
    startMs: toNumber(r.start_ms),
    durationMs: toNumber(r.duration_ms),
    service: String(r.service),
    environment: String(r.environment),
    endpointId: String(r.endpoint_id),
    method: String(r.method),
    host: String(r.host),
    route: String(r.route),
    statusCode: toNumber(r.status_code),
    statusClass: String(r.status_class),
    errorType: text(r.error_type),
    errorKey,
    errorKeys: orderErrorKeys(errorKey, errorKeys),
    errorBody: text(r.error_body),
    apiKeyFingerprint: String(r.api_key_fingerprint),
    apiKeyLabel: text(r.api_key_label),
    authScheme: String(r.auth_scheme),
    accept: text(r.accept),
    retryAfter: text(r.retry_after),
    resendCount: r.resend_count == null ? null : toNumber(r.resend_count),
    extraAttributes: jsonObject(r.extra_attributes),
    receivedMs: toNumber(r.received_ms),
  };
}

// request_error_keys keeps no order, so the displayed key leads and the rest follow sorted.
function orderErrorKeys(first: string | null, keys: readonly string[]): string[] {
  const rest = [...new Set(keys)].filter((k) => k !== first).sort();
  return first === null ? rest : [first, ...rest];
}
