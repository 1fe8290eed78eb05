// What the diagnosis engine says about a time range: one finding per cause it recognises,
// with the scope it concerns, the numbers that justify it, and the fix.

export const findingCodes = [
  'auth.missing_header',
  'auth.wrong_scheme',
  'auth.key_rotated',
  'auth.wrong_environment',
  'permission.endpoint_scope',
  'permission.wrong_contact_center',
  'not_found.wrong_version',
  'not_found.missing_resource',
  'not_found.wrong_base_url',
  'not_acceptable.accept_header',
  'conflict.state',
  'validation.fields',
  'rate_limit.no_backoff',
  'rate_limit.burst',
  'server.errors',
] as const;

export type FindingCode = (typeof findingCodes)[number];

/** How sure the rule is: high = the evidence leaves no other reading. */
export type Confidence = 'high' | 'medium' | 'low';

export interface FindingScope {
  service?: string;
  /** API key fingerprint ('' = calls without a key). */
  key?: string;
  endpointId?: string;
  /** "METHOD host/route", for display. */
  endpoint?: string;
  /**
   * Every endpoint the finding's calls went to (endpointId is set too when there is just one), so a
   * finding about several endpoints still shows on each endpoint's page and answers ?endpoint=.
   */
  endpointIds?: string[];
  host?: string;
}

export interface EvidenceExample {
  requestId: number;
  traceId: string;
  /** ISO time. */
  at: string;
  statusCode: number;
  /** One line: what about this call shows the cause (e.g. "Authorization: none"). */
  detail: string;
}

export interface FindingEvidence {
  /** Calls the finding is about. */
  calls: number;
  /** ISO time of the first such call in the range. */
  since: string;
  /** ISO time of the last one. */
  until: string;
  /** The figures that made the rule fire, by name (e.g. { medianRetryGapMs: 48, retryAfterMs: 5000 }). */
  figures: Record<string, number | string>;
  /** Plain sentences stating the evidence, e.g. "62 of 62 401s carried no Authorization header". */
  facts: string[];
  examples: EvidenceExample[];
}

export interface Finding {
  code: FindingCode;
  /** The HTTP status (or class, e.g. "5xx") the finding explains. */
  status: string;
  /** One line naming the cause and its scope, e.g. "report-exporter sends no Authorization header". */
  title: string;
  confidence: Confidence;
  scope: FindingScope;
  evidence: FindingEvidence;
  /** The fix, in a few sentences (from the advice catalog, made specific to this finding). */
  advice: string;
  /** Request-explorer filters that show the calls behind it: status, key, endpoint, service, errorKey. */
  requestFilters: Record<string, string>;
}
