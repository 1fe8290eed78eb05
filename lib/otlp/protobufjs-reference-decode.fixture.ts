// Test oracle for protobuf-wire-decoder.ts: what decodeProtobufExport did before it read the wire
// itself — protobufjs's reflection decode() of the whole request, then a mapping of the message
// objects (camelCase fields, Buffers for bytes, Longs for 64-bit values, oneof members read
// through protobufjs's virtual `value` getter) to span candidates.
import { bytesToHex } from './bytes-to-hex';
import type { AttributeValue, Attributes } from './decoded-span';
import { int64AttributeValue } from './int64-attribute-value';
import { type LongLike, longToBigInt } from './long-to-bigint';
import { otlpProtoSchema } from './otlp-proto-schema';
import type { ResourceSpansCandidate, SpanCandidate } from './span-candidate';

type BytesField = Uint8Array | readonly number[];

interface AnyValueMessage {
  value?: 'stringValue' | 'boolValue' | 'intValue' | 'doubleValue' | 'arrayValue' | 'kvlistValue' | 'bytesValue';
  stringValue?: string;
  boolValue?: boolean;
  intValue?: LongLike | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValueMessage[] } | null;
  kvlistValue?: { values?: KeyValueMessage[] } | null;
  bytesValue?: BytesField;
}

interface KeyValueMessage {
  key?: string;
  value?: AnyValueMessage | null;
}

interface SpanMessage {
  traceId?: BytesField;
  spanId?: BytesField;
  parentSpanId?: BytesField;
  name?: string;
  kind?: number;
  startTimeUnixNano?: LongLike | number;
  endTimeUnixNano?: LongLike | number;
  attributes?: KeyValueMessage[];
  status?: { code?: number } | null;
}

interface RequestMessage {
  resourceSpans?: {
    resource?: { attributes?: KeyValueMessage[] } | null;
    scopeSpans?: { scope?: { name?: string } | null; spans?: SpanMessage[] }[];
  }[];
}

function anyValue(message: AnyValueMessage | null | undefined): AttributeValue {
  switch (message?.value) {
    case 'stringValue':
      return message.stringValue ?? '';
    case 'boolValue':
      return message.boolValue ?? false;
    case 'intValue':
      return int64AttributeValue(longToBigInt(message.intValue, 'signed'));
    case 'doubleValue':
      return message.doubleValue ?? 0;
    case 'arrayValue':
      return (message.arrayValue?.values ?? []).map(anyValue);
    case 'kvlistValue':
      return attributes(message.kvlistValue?.values);
    case 'bytesValue':
      return bytesToHex(message.bytesValue ?? []);
    default:
      return null;
  }
}

function attributes(keyValues: KeyValueMessage[] | null | undefined): Attributes {
  if (!keyValues || keyValues.length === 0) return {};
  return Object.fromEntries(keyValues.map((kv) => [kv.key ?? '', anyValue(kv.value)]));
}

function optionalTime(value: LongLike | number | undefined): bigint | null {
  const nanos = longToBigInt(value, 'unsigned');
  return nanos === 0n ? null : nanos;
}

function candidate(span: SpanMessage): SpanCandidate {
  return {
    traceId: bytesToHex(span.traceId ?? []),
    spanId: bytesToHex(span.spanId ?? []),
    parentSpanId: bytesToHex(span.parentSpanId ?? []),
    name: span.name ?? '',
    kind: span.kind ?? 0,
    startTimeUnixNano: optionalTime(span.startTimeUnixNano),
    endTimeUnixNano: optionalTime(span.endTimeUnixNano),
    statusCode: span.status?.code ?? 0,
    attributes: attributes(span.attributes),
  };
}

/** The candidates protobufjs's decode() yields for `buf`; throws what it throws. */
export function referenceReadExportTraceServiceRequest(buf: Uint8Array): ResourceSpansCandidate[] {
  const request = otlpProtoSchema.exportTraceServiceRequest.decode(buf) as unknown as RequestMessage;
  return (request.resourceSpans ?? []).map((resourceSpans) => ({
    resource: attributes(resourceSpans.resource?.attributes),
    scopeSpans: (resourceSpans.scopeSpans ?? []).map((scopeSpans) => ({
      scopeName: scopeSpans.scope?.name ?? '',
      spans: (scopeSpans.spans ?? []).map(candidate),
    })),
  }));
}
