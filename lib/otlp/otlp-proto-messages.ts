// Owns the TypeScript view of what protobufjs's decode() returns for our schema.
import type { LongLike } from './long-to-bigint';

// protobufjs types decoded messages loosely, so these interfaces describe what its generated
// decoders actually produce: camelCase fields, Buffers for bytes, Longs for 64-bit fields, and
// unset scalars/messages inherited from the prototype (defaults) or null (messages).

/** A Buffer when set; protobufjs's shared empty-array default when unset. */
export type BytesField = Uint8Array | readonly number[];

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
  bytesValue?: BytesField;
}

export interface KeyValueMessage {
  key?: string;
  value?: AnyValueMessage | null;
}

export interface SpanMessage {
  traceId?: BytesField;
  spanId?: BytesField;
  parentSpanId?: BytesField;
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
