import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from './decode-json';
import { decodeProtobufExport } from './decode-protobuf';
import { OtlpDecodeError } from './otlp-decode-error';
import { otlpProtoSchema } from './otlp-proto-schema';
import { varint } from '@/lib/testing/otlp-fuzz-cases';

const requestType = otlpProtoSchema.exportTraceServiceRequest;

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

function hexBytes(hex: string): Buffer {
  return Buffer.from(hex, 'hex');
}

/** Encodes plain objects with our schema; fromObject takes 64-bit values as decimal strings. */
function encode(spans: Record<string, unknown>[], resourceAttributes: unknown[] = []): Uint8Array {
  const message = requestType.fromObject({
    resourceSpans: [
      { resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 'lib' }, spans }] },
    ],
  });
  return requestType.encode(message).finish();
}

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: hexBytes(TRACE_ID),
    spanId: hexBytes(SPAN_ID),
    name: 'GET',
    kind: 3,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000500000000',
    ...overrides,
  };
}

/** A length-delimited field; used to wrap hand-built bytes into outer messages. */
function wrap(fieldNumber: number, inner: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([(fieldNumber << 3) | 2, ...varint(inner.length)]), inner]);
}

describe('decodeProtobufExport', () => {
  it('decodes the spec example, encoded as protobuf, to the same spans as its JSON form', () => {
    const json = JSON.parse(
      readFileSync(new URL('./fixtures/spec-trace.json', import.meta.url), 'utf8'),
    ) as {
      resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    // OTLP/JSON ids are hex; protobufjs's fromObject would read them as base64, so convert first.
    for (const resourceSpans of json.resourceSpans) {
      for (const scopeSpans of resourceSpans.scopeSpans) {
        for (const s of scopeSpans.spans) {
          for (const field of ['traceId', 'spanId', 'parentSpanId']) {
            s[field] = hexBytes(String(s[field]));
          }
        }
      }
    }
    const bytes = requestType.encode(requestType.fromObject(json)).finish();
    const fromProtobuf = decodeProtobufExport(bytes);
    expect(fromProtobuf.spans).toHaveLength(1);
    expect(fromProtobuf).toEqual(
      decodeJsonExport(
        readFileSync(new URL('./fixtures/spec-trace.json', import.meta.url), 'utf8'),
      ),
    );
  });

  it('treats an empty buffer as an empty request', () => {
    expect(decodeProtobufExport(new Uint8Array(0))).toEqual({
      spans: [],
      rejectedSpans: 0,
      rejectReasons: [],
    });
  });

  it('reads fixed64 times as unsigned and exact, even above 2^63', () => {
    const max = (2n ** 64n - 1n).toString();
    const [decoded] = decodeProtobufExport(
      encode([span({ startTimeUnixNano: '9223372036854775809', endTimeUnixNano: max })]),
    ).spans;
    expect(decoded?.startTimeUnixNano).toBe(9223372036854775809n);
    expect(decoded?.endTimeUnixNano).toBe(2n ** 64n - 1n);
  });

  it('maps int64, bytes, array and kvlist attribute values', () => {
    const attributes = [
      { key: 'neg', value: { intValue: '-42' } },
      { key: 'big', value: { intValue: '-9223372036854775808' } },
      { key: 'bytes', value: { bytesValue: Buffer.from([0, 1, 0xab]) } },
      { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } } },
      { key: 'kv', value: { kvlistValue: { values: [{ key: 'd', value: { doubleValue: 1.5 } }] } } },
      { key: 'unset', value: {} },
    ];
    const [decoded] = decodeProtobufExport(encode([span({ attributes })], attributes)).spans;
    const expected = {
      neg: -42,
      big: '-9223372036854775808',
      bytes: '0001ab',
      arr: ['a', true],
      kv: { d: 1.5 },
      unset: null,
    };
    expect(decoded?.attributes).toEqual(expected);
    expect(decoded?.resource).toEqual(expected);
  });

  it('rejects spans with ids of the wrong byte length but keeps the rest', () => {
    const decoded = decodeProtobufExport(
      encode([
        span({ name: 'short-trace', traceId: Buffer.from([1, 2, 3]) }),
        span({ name: 'no-span-id', spanId: Buffer.alloc(0) }),
        span({ name: 'short-parent', parentSpanId: Buffer.from([1, 2, 3, 4]) }),
        span({ name: 'zero-parent', parentSpanId: Buffer.alloc(8) }),
        span({ name: 'no-end', endTimeUnixNano: '0' }),
        span({ name: 'ok', parentSpanId: hexBytes('eee19b7ec3c1b173') }),
      ]),
    );
    expect(decoded.spans.map((s) => [s.name, s.parentSpanId])).toEqual([
      ['zero-parent', null],
      ['ok', 'eee19b7ec3c1b173'],
    ]);
    expect(decoded.rejectedSpans).toBe(4);
    expect(decoded.rejectReasons).toEqual([
      'span "short-trace" in resourceSpans[0].scopeSpans[0].spans[0]: traceId 0x010203 must be 16 bytes, got 3',
      'span "no-span-id" in resourceSpans[0].scopeSpans[0].spans[1]: spanId is missing',
      'span "short-parent" in resourceSpans[0].scopeSpans[0].spans[2]: parentSpanId 0x01020304 must be 8 bytes, got 4',
      'span "no-end" in resourceSpans[0].scopeSpans[0].spans[4]: endTimeUnixNano is missing or 0',
    ]);
  });

  it('turns absurd attribute nesting into a decode error (protobufjs caps nesting at 100)', () => {
    const depth = 200;
    // Inside out: the lengths of each nested AnyValue/ArrayValue pair, then written outside in.
    const leaf = Uint8Array.from([0x0a, 0x01, 0x78]); // AnyValue{string_value: "x"}
    const lengths: number[] = [];
    let length = leaf.length;
    for (let i = 0; i < depth; i++) {
      const arrayValue = 1 + varint(length).length + length; // ArrayValue{values: inner}
      length = 1 + varint(arrayValue).length + arrayValue; // AnyValue{array_value: ...}
      lengths.push(arrayValue, length);
    }
    const parts: Uint8Array[] = [];
    for (let i = lengths.length - 1; i >= 1; i -= 2) {
      parts.push(Uint8Array.from([0x2a, ...varint(lengths[i - 1] ?? 0)]));
      parts.push(Uint8Array.from([0x0a, ...varint(i >= 3 ? (lengths[i - 2] ?? 0) : leaf.length)]));
    }
    parts.push(leaf);
    const deepValue = Buffer.concat(parts);
    const keyValue = Buffer.concat([
      Buffer.from([0x0a, 0x01, 0x6b]), // key: "k"
      Buffer.from([0x12, ...varint(deepValue.length)]),
      deepValue,
    ]);
    const bytes = Buffer.concat([encode([span()]), wrap(1, wrap(1, wrap(1, keyValue)))]);
    expect(() => decodeProtobufExport(bytes)).toThrow(OtlpDecodeError);
    expect(() => decodeProtobufExport(bytes)).toThrow(/nesting depth exceeded|nested too deeply/);
  });

  it.each([
    ['a truncated length-delimited field', Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])],
    ['an invalid wire type', Uint8Array.from([0x2f, 0x00])],
    ['a JSON document', new TextEncoder().encode('{"resourceSpans":[]}')],
  ])('rejects %s with an actionable OtlpDecodeError', (_label, bytes) => {
    expect(() => decodeProtobufExport(bytes)).toThrow(OtlpDecodeError);
    expect(() => decodeProtobufExport(bytes)).toThrow(
      /^The body is not a valid OTLP protobuf ExportTraceServiceRequest: .+\. Check that Content-Type matches/,
    );
  });
});
