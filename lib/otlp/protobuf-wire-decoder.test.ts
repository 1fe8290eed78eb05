import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { encodeProtobufExport, seedExport } from '@/lib/testing/otlp-fuzz-seeds';
import { fuzzCase, varint } from '@/lib/testing/otlp-fuzz-cases';
import { seededRandom } from '@/lib/testing/seeded-random';
import { otlpProtoSchema } from './otlp-proto-schema';
import { readExportTraceServiceRequest } from './protobuf-wire-decoder';
import { referenceReadExportTraceServiceRequest } from './protobufjs-reference-decode.fixture';

const requestType = otlpProtoSchema.exportTraceServiceRequest;

/** The outcome as data: the candidates, or the error's class and message. */
function outcome(read: (buf: Uint8Array) => unknown, buf: Uint8Array): unknown {
  try {
    return { ok: read(buf) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Both readers on fresh copies, as a plain Uint8Array (protobufjs's Reader) and as a Buffer (its BufferReader). */
function expectSameAsProtobufjs(bytes: Uint8Array): void {
  for (const view of [new Uint8Array(bytes), Buffer.from(bytes)]) {
    expect(outcome(readExportTraceServiceRequest, view)).toStrictEqual(outcome(referenceReadExportTraceServiceRequest, view));
  }
}

const field = (number: number, wireType: number) => [(number << 3) | wireType];
const delimited = (number: number, inner: readonly number[]) => [...field(number, 2), ...varint(inner.length), ...inner];
const text = (value: string) => [...Buffer.from(value, 'utf8')];
/** Request → ResourceSpans → ScopeSpans → Span, around the given span fields. */
const inSpan = (spanFields: readonly number[]) => Uint8Array.from(delimited(1, delimited(2, delimited(2, spanFields))));
const keyValue = (key: string, anyValue: readonly number[]) => delimited(9, [...delimited(1, text(key)), ...delimited(2, anyValue)]);

describe('readExportTraceServiceRequest', () => {
  it('reads realistic requests exactly as protobufjs decode() plus mapping did', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 30; i++) expectSameAsProtobufjs(encodeProtobufExport(seedExport(random, Date.UTC(2026, 0, 1))));
  });

  it('accepts and refuses the fuzz corpus exactly as protobufjs does, with the same errors', () => {
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const { body } = fuzzCase(7, i);
      expectSameAsProtobufjs(body);
      if ('error' in (outcome(readExportTraceServiceRequest, body) as object)) refused += 1;
    }
    // The corpus must exercise both sides.
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(380);
  });

  it('matches protobufjs on every truncation and on byte damage of a real request', () => {
    const random = seededRandom(3);
    const bytes = encodeProtobufExport(seedExport(random, Date.UTC(2026, 0, 1)));
    for (let end = 0; end <= bytes.length; end += 7) expectSameAsProtobufjs(bytes.subarray(0, end));
    for (let i = 0; i < 300; i++) {
      const damaged = bytes.slice();
      damaged[random.int(0, damaged.length - 1)] = random.int(0, 255);
      expectSameAsProtobufjs(damaged);
    }
  });

  it('maps an AnyValue with several oneof members as protobufjs does: first set last wins, last value', () => {
    // string "a", then int 5, then string "b": protobufjs reports intValue (first assigned last).
    const anyValue = [...delimited(1, text('a')), ...field(3, 0), 5, ...delimited(1, text('b'))];
    const bytes = inSpan(keyValue('k', anyValue));
    expect(readExportTraceServiceRequest(bytes)[0]?.scopeSpans[0]?.spans[0]?.attributes).toEqual({ k: 5 });
    expectSameAsProtobufjs(bytes);
    const stringLast = inSpan(keyValue('k', [...field(3, 0), 5, ...delimited(1, text('a')), ...delimited(1, text('b'))]));
    expect(readExportTraceServiceRequest(stringLast)[0]?.scopeSpans[0]?.spans[0]?.attributes).toEqual({ k: 'b' });
    expectSameAsProtobufjs(stringLast);
  });

  it('keeps the last of repeated singular fields and a "__proto__" key as an own attribute', () => {
    const bytes = inSpan([
      ...delimited(5, text('first')),
      ...delimited(5, text('second')),
      ...delimited(15, [...field(3, 0), 2]),
      ...delimited(15, [...field(3, 0), 1]),
      ...keyValue('__proto__', delimited(1, text('x'))),
      ...keyValue('dup', delimited(1, text('1'))),
      ...keyValue('dup', delimited(1, text('2'))),
    ]);
    const [span] = readExportTraceServiceRequest(bytes)[0]?.scopeSpans[0]?.spans ?? [];
    expect(span?.name).toBe('second');
    expect(span?.statusCode).toBe(1);
    expect(Object.getPrototypeOf(span?.attributes)).toBe(Object.prototype);
    expect(Object.keys(span?.attributes ?? {})).toEqual(['__proto__', 'dup']);
    expect(span?.attributes.dup).toBe('2');
    expectSameAsProtobufjs(bytes);
  });

  it.each([
    ['a known string field sent as a varint', inSpan([...field(5, 0), 3, 0x41, 0x42, 0x43])],
    ['a field running past its message', inSpan([...field(5, 2), 40, 0x41])],
    ['an end-group tag', inSpan([...field(5, 4)])],
    ['a malformed event (decoded by protobufjs, then dropped)', inSpan(delimited(11, [...field(2, 2), 9]))],
    ['a group in an ignored field', inSpan([...field(20, 3), ...field(1, 0), 1, ...field(20, 4)])],
    ['invalid UTF-8 in a name and a key', inSpan([...delimited(5, [0xc3, 0x28, 0xe2, 0x82]), ...keyValue('\u00e9', delimited(1, [0xf0, 0x9f]))])],
    ['a trailing truncated multi-byte sequence', inSpan(delimited(5, [0x61, 0xe2]))],
    ['a 100-byte ASCII name', inSpan(delimited(5, text('n'.repeat(100))))],
    ['overlong varints', inSpan([...field(6, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])],
  ])('matches protobufjs on %s', (_label, bytes) => {
    expectSameAsProtobufjs(bytes);
  });

  it('refuses nesting past protobufjs recursion limit with its error', () => {
    let value: number[] = delimited(1, text('leaf'));
    for (let i = 0; i < 120; i++) value = delimited(5, delimited(1, value)); // arrayValue { values: [value] }
    const bytes = inSpan(keyValue('deep', value));
    expect(() => readExportTraceServiceRequest(bytes)).toThrow('maximum nesting depth exceeded');
    expectSameAsProtobufjs(bytes);
    expect(protobuf.Reader.recursionLimit).toBe(100);
  });

  it('decodes and drops events and links as protobufjs does, nesting limit included', () => {
    const withEvents = requestType.encode(requestType.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{
        name: 'x',
        events: [{ name: 'exception', attributes: [{ key: 'exception.message', value: { stringValue: 'boom' } }] }],
        links: [{ traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2) }],
      }] }] }],
    })).finish();
    expectSameAsProtobufjs(withEvents);
    expect(readExportTraceServiceRequest(new Uint8Array(withEvents))[0]?.scopeSpans[0]?.spans[0]?.name).toBe('x');
    // An event attribute nested right around the limit: accepted or refused exactly as protobufjs does.
    for (const levels of [44, 45, 46, 47, 48]) {
      let value: number[] = delimited(1, text('leaf'));
      for (let i = 0; i < levels; i++) value = delimited(5, delimited(1, value));
      const event = delimited(3, [...delimited(1, text('k')), ...delimited(2, value)]);
      expectSameAsProtobufjs(inSpan(delimited(11, event)));
    }
  });

  it('reads the request type protobufjs encodes, including times above 2^63', () => {
    const bytes = requestType.encode(requestType.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'x', startTimeUnixNano: '18446744073709551615', endTimeUnixNano: '1' }] }] }],
    })).finish();
    const [span] = readExportTraceServiceRequest(new Uint8Array(bytes))[0]?.scopeSpans[0]?.spans ?? [];
    expect(span?.startTimeUnixNano).toBe(2n ** 64n - 1n);
    expect(span?.endTimeUnixNano).toBe(1n);
  });
});
