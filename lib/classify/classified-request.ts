// The classifier's output: one outbound HTTP call, reduced to the columns Faultline
// stores and aggregates on. Nothing here may hold a secret.
import type { ExtraAttributes } from '@/lib/scrub/select-extra-attributes';

export const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx', 'network'] as const;
export type StatusClass = (typeof statusClasses)[number];

export type AuthScheme = 'bearer' | 'other' | 'none' | '';

export interface ClassifiedRequest {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  spanName: string;
  /** Start of the call, milliseconds since the Unix epoch (integer). */
  startMs: number;
  durationMs: number;
  service: string;
  environment: string;
  /** Upper-case HTTP method, e.g. GET. */
  method: string;
  /** Lower-case host, with ":port" only when the port is not the scheme's default. */
  host: string;
  /** Route template without query string, e.g. /api/v4/contacts/{id}. */
  route: string;
  /** Stable short id of method + host + route (see endpointId()). */
  endpointId: string;
  /** HTTP status code, or 0 when the call got no response. */
  statusCode: number;
  statusClass: StatusClass;
  /** status >= 400 or no response at all. */
  isError: boolean;
  /** error.type as sent (e.g. ECONNREFUSED, timeout), for calls that failed. */
  errorType: string | null;
  /** Error keys parsed from the provider's error body; [] for successful calls. */
  errorKeys: string[];
  /** The captured provider error body (at most 4 KiB, credentials redacted), only for errors. */
  errorBody: string | null;
  /** faultline.api_key.fingerprint, or '' when the call carried none. */
  apiKeyFingerprint: string;
  authScheme: AuthScheme;
  accept: string | null;
  retryAfter: string | null;
  resendCount: number | null;
  /** The attributes listed in FAULTLINE_EXTRA_ATTRIBUTES, redacted and bounded; null when none was sent. */
  extraAttributes: ExtraAttributes | null;
}

export type SpanClassification =
  | { kind: 'request'; request: ClassifiedRequest }
  | { kind: 'ignored'; reason: string };
