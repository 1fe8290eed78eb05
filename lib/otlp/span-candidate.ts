// Owns the encoding-neutral span shape both decoders produce before per-span validation.
import type { Attributes } from './decoded-span';

/** One span as received, before its ids and times are checked. */
export interface SpanCandidate {
  /** JSON: the string as sent. Protobuf: the bytes as lower-case hex. '' when absent. */
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  /** null when the field was absent. */
  startTimeUnixNano: bigint | null;
  endTimeUnixNano: bigint | null;
  statusCode: number;
  attributes: Attributes;
}

export interface ScopeSpansCandidate {
  scopeName: string;
  spans: SpanCandidate[];
}

export interface ResourceSpansCandidate {
  resource: Attributes;
  scopeSpans: ScopeSpansCandidate[];
}
