// Owns reading an ExportTraceServiceRequest from the protobuf wire straight into span candidates.
// protobufjs's generated decoders build a message object per KeyValue and AnyValue (plus a Long
// per time) that were then mapped again to plain attributes: most of protobuf decoding's CPU.
// This walks the same bytes with protobufjs's own Reader and mirrors its generated decoders
// field by field (same reads in the same order, same nesting limit, same bounds checks, so the
// same errors for malformed input), keeping only what Faultline reads. Fields we ignore are still
// read as their declared type, and events and links are decoded by protobufjs and dropped, so a
// body is accepted or refused exactly as before.
import protobuf from 'protobufjs';
import { bytesToHex } from './bytes-to-hex';
import type { AttributeValue, Attributes } from './decoded-span';
import { int64AttributeValue } from './int64-attribute-value';
import { type LongLike, longToBigInt } from './long-to-bigint';
import { otlpProtoSchema } from './otlp-proto-schema';
import { readProtobufString } from './read-protobuf-string';
import type { ResourceSpansCandidate, ScopeSpansCandidate, SpanCandidate } from './span-candidate';

type Reader = protobuf.Reader;
const { Reader } = protobuf;

/** Generated decoders take the nesting depth as a 4th argument that the typings leave out. */
type DepthAwareDecode = (reader: Reader, length: number, endGroup: undefined, depth: number) => unknown;
const spanType = otlpProtoSchema.root.lookupType('opentelemetry.proto.trace.v1.Span');
const eventType = spanType.lookupType('Event');
const linkType = spanType.lookupType('Link');

/**
 * Decodes (and drops) an event or link with protobufjs, as its Span decoder did. `type.decode` is
 * read at each call: its first call replaces it with the generated decoder.
 */
function decodeWithProtobufjs(type: protobuf.Type, r: Reader, depth: number): void {
  (type.decode as unknown as DepthAwareDecode).call(type, r, r.uint32(), undefined, depth);
}

/**
 * The prologue of every generated decoder for a nested message: read its length, refuse nesting
 * past Reader.recursionLimit, bounds-check, and limit the reader to the message. Returns the
 * enclosing limit for leave().
 */
function enter(r: Reader, depth: number): number {
  const length = r.uint32();
  if (depth > Reader.recursionLimit) throw Error('maximum nesting depth exceeded');
  const end = r.pos + length;
  if (end > r.len) throw RangeError('index out of range');
  const outer = r.len;
  r.len = end;
  return outer;
}

/** The epilogue: the message must end exactly at its declared length. */
function leave(r: Reader, outer: number): void {
  if (r.pos !== r.len) throw RangeError('index out of range');
  r.len = outer;
}

/** As Object.fromEntries would: an own data property even for "__proto__", last value wins. */
function setAttribute(target: Attributes, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * AnyValue's oneof. protobufjs reports as set the member whose *first* assignment came last (the
 * last own key of the message object), holding its *last* assigned value; repeated or conflicting
 * members in one AnyValue are malformed but must map the same way.
 */
function readAnyValue(r: Reader, depth: number): AttributeValue {
  const outer = enter(r, depth);
  let seen = 0;
  let chosen = 0;
  let text = '';
  let bool = false;
  let int: LongLike | number = 0;
  let double = 0;
  // Containers stay null until their member is read: most values are strings.
  let array: AttributeValue[] | null = null;
  let kvlist: Attributes | null = null;
  let bytes: Uint8Array | null = null;
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    switch (field) {
      case 1: text = readProtobufString(r); break;
      case 2: bool = r.bool(); break;
      case 3: int = r.int64(); break;
      case 4: double = r.double(); break;
      case 5: array = readArrayValue(r, depth + 1); break;
      case 6: kvlist = readKeyValueList(r, depth + 1); break;
      case 7: bytes = r.bytes(); break;
      default: r.skipType(tag & 7, depth); continue;
    }
    if ((seen & (1 << field)) === 0) {
      seen |= 1 << field;
      chosen = field;
    }
  }
  leave(r, outer);
  switch (chosen) {
    case 1: return text;
    case 2: return bool;
    case 3: return int64AttributeValue(longToBigInt(int, 'signed'));
    case 4: return double;
    case 5: return array ?? [];
    case 6: return kvlist ?? {};
    case 7: return bytesToHex(bytes ?? []);
    default: return null;
  }
}

function readArrayValue(r: Reader, depth: number): AttributeValue[] {
  const outer = enter(r, depth);
  const values: AttributeValue[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) values.push(readAnyValue(r, depth + 1));
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return values;
}

/** One KeyValue, added to `target` (an absent key is '', an absent value null). */
function readKeyValue(r: Reader, depth: number, target: Attributes): void {
  const outer = enter(r, depth);
  let key = '';
  let value: AttributeValue = null;
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) key = readProtobufString(r);
    else if (field === 2) value = readAnyValue(r, depth + 1);
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  setAttribute(target, key, value);
}

/** A KeyValueList (a kvlistValue) as attributes. */
function readKeyValueList(r: Reader, depth: number): Attributes {
  const outer = enter(r, depth);
  const attributes: Attributes = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) readKeyValue(r, depth + 1, attributes);
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return attributes;
}

function readResource(r: Reader, depth: number): Attributes {
  const outer = enter(r, depth);
  const attributes: Attributes = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) readKeyValue(r, depth + 1, attributes);
    else if (field === 2) r.uint32(); // dropped_attributes_count
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return attributes;
}

/** InstrumentationScope: only its name is kept; the rest is read to be checked like before. */
function readScopeName(r: Reader, depth: number): string {
  const outer = enter(r, depth);
  let name = '';
  const ignored: Attributes = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) name = readProtobufString(r);
    else if (field === 2) readProtobufString(r); // version
    else if (field === 3) readKeyValue(r, depth + 1, ignored);
    else if (field === 4) r.uint32(); // dropped_attributes_count
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return name;
}

/** Status: only the code is kept. */
function readStatusCode(r: Reader, depth: number): number {
  const outer = enter(r, depth);
  let code = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 2) readProtobufString(r); // message
    else if (field === 3) code = r.int32();
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return code;
}

/** proto3 cannot tell an absent fixed64 from 0; both mean "missing" to the validator. */
function optionalTime(value: LongLike | null): bigint | null {
  if (value === null) return null;
  const nanos = longToBigInt(value, 'unsigned');
  return nanos === 0n ? null : nanos;
}

function readSpan(r: Reader, depth: number): SpanCandidate {
  const outer = enter(r, depth);
  let traceId: Uint8Array | null = null;
  let spanId: Uint8Array | null = null;
  let parentSpanId: Uint8Array | null = null;
  let name = '';
  let kind = 0;
  let start: LongLike | null = null;
  let end: LongLike | null = null;
  let statusCode = 0;
  const attributes: Attributes = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: traceId = r.bytes(); break;
      case 2: spanId = r.bytes(); break;
      case 3: readProtobufString(r); break; // trace_state
      case 4: parentSpanId = r.bytes(); break;
      case 16: r.fixed32(); break; // flags
      case 5: name = readProtobufString(r); break;
      case 6: kind = r.int32(); break;
      case 7: start = r.fixed64(); break;
      case 8: end = r.fixed64(); break;
      case 9: readKeyValue(r, depth + 1, attributes); break;
      case 11: decodeWithProtobufjs(eventType, r, depth + 1); break;
      case 13: decodeWithProtobufjs(linkType, r, depth + 1); break;
      case 10: case 12: case 14: r.uint32(); break; // dropped_*_count
      case 15: statusCode = readStatusCode(r, depth + 1); break;
      default: r.skipType(tag & 7, depth); break;
    }
  }
  leave(r, outer);
  return {
    traceId: traceId === null ? '' : bytesToHex(traceId),
    spanId: spanId === null ? '' : bytesToHex(spanId),
    parentSpanId: parentSpanId === null ? '' : bytesToHex(parentSpanId),
    name,
    kind,
    startTimeUnixNano: optionalTime(start),
    endTimeUnixNano: optionalTime(end),
    statusCode,
    attributes,
  };
}

function readScopeSpans(r: Reader, depth: number): ScopeSpansCandidate {
  const outer = enter(r, depth);
  let scopeName = '';
  const spans: SpanCandidate[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) scopeName = readScopeName(r, depth + 1);
    else if (field === 2) spans.push(readSpan(r, depth + 1));
    else if (field === 3) readProtobufString(r); // schema_url
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return { scopeName, spans };
}

function readResourceSpans(r: Reader, depth: number): ResourceSpansCandidate {
  const outer = enter(r, depth);
  let resource: Attributes = {};
  const scopeSpans: ScopeSpansCandidate[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) resource = readResource(r, depth + 1);
    else if (field === 2) scopeSpans.push(readScopeSpans(r, depth + 1));
    else if (field === 3) readProtobufString(r); // schema_url
    else r.skipType(tag & 7, depth);
  }
  leave(r, outer);
  return { resource, scopeSpans };
}

/**
 * The request's resource spans as unvalidated candidates. Throws what protobufjs's decode() of
 * ExportTraceServiceRequest would throw for the same bytes.
 */
export function readExportTraceServiceRequest(buf: Uint8Array): ResourceSpansCandidate[] {
  const r = Reader.create(buf);
  const resourceSpans: ResourceSpansCandidate[] = [];
  // The top-level message has no length prefix: it runs to the end of the buffer, at depth 0.
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) resourceSpans.push(readResourceSpans(r, 1));
    else r.skipType(tag & 7, 0);
  }
  return resourceSpans;
}
