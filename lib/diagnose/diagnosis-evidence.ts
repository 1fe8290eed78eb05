// What the rules read: counts from the rollups and bounded samples of individual calls for one
// time range, loaded once (load-diagnosis-evidence.ts) and never touched by a rule's own query.
import type { CallSample } from '@/lib/db/queries/call-sample';
import type { CallGroupRow } from '@/lib/db/queries/sum-call-groups';
import type { ErrorKeyGroupRow } from '@/lib/db/queries/sum-error-key-groups';
import type { KeyStatusTimeline } from '@/lib/db/queries/get-key-status-timeline';

/**
 * The range to diagnose. `environment` narrows the data itself; service, endpoint and key only
 * select which findings are returned, since "nobody succeeds there" must be judged against
 * everyone's calls.
 */
export interface DiagnosisScope {
  fromMs: number;
  toMs: number;
  service?: string;
  environment?: string;
  /** Endpoint id. */
  endpoint?: string;
  /** API key fingerprint. */
  key?: string;
}

export interface EndpointInfo {
  id: string;
  method: string;
  host: string;
  route: string;
}

export type CallGroup = CallGroupRow;
export type ErrorKeyCount = ErrorKeyGroupRow;
export type SampledCall = CallSample;
export type KeyTimeline = KeyStatusTimeline;

export interface DiagnosisEvidence {
  scope: DiagnosisScope;
  endpoints: ReadonlyMap<string, EndpointInfo>;
  /** Exact counts per service, environment, key, endpoint and status. */
  groups: readonly CallGroup[];
  /** Counts per error key of 406, 409 and 422 calls. */
  errorKeys: readonly ErrorKeyCount[];
  /** The most recent failed calls of each diagnosed status, plus the last few of every failing group. */
  failures: readonly SampledCall[];
  /**
   * The most recent calls, of any status, of keys with 429s (all their endpoints: where retry
   * gaps and request rates are measured) and of keys with 406s (those endpoints: which Accept
   * values worked).
   */
  context: readonly SampledCall[];
  /** Last success and what followed, per service and key that got 401s. */
  timelines: readonly KeyTimeline[];
}
