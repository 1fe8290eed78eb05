// Owns the TypeScript view of what protobufjs's decode() returns for our schema.
import type { LongLike } from './long-to-bigint';

// protobufjs types decoded messages loosely, so these interfaces describe what its generated
// decoders actually produce: camelCase fields, Buffers for bytes, Longs for 64-bit fields, and
// unset scalars/messages inherited from the prototype (defaults) or null (messages).

export type AnyValueCase =
  | 'stringValue'
  | 'boolValue'
  | 'intValue'
  | 'doubleValue'
  | 'arrayValue'
  | 'kvlistValue'
  | 'bytesValue';

export interface AnyValueMessage {
  /** The name of the oneof member that is set, undefined for an empty AnyValue. */
  value?: AnyValueCase;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: LongLike | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValueMessage[] } | null;
  kvlistValue?: { values?: KeyValueMessage[] } | null;
  bytesValue?: Uint8Array;
}

export interface KeyValueMessage {
  key?: string;
  value?: AnyValueMessage | null;
}

export interface SpanMessage {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: LongLike | number;
  endTimeUnixNano?: LongLike | number;
  attributes?: KeyValueMessage[];
  status?: { code?: number; message?: string } | null;
}

export interface ScopeSpansMessage {
  scope?: { name?: string } | null;
  spans?: SpanMessage[];
}

export interface ResourceSpansMessage {
  resource?: { attributes?: KeyValueMessage[] } | null;
  scopeSpans?: ScopeSpansMessage[];
}

export interface ExportTraceServiceRequestMessage {
  resourceSpans?: ResourceSpansMessage[];
}
