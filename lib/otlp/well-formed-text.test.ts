import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from './decode-json';
import { decodeProtobufExport } from './decode-protobuf';
import { otlpProtoSchema } from './otlp-proto-schema';
import { wellFormedAttributes, wellFormedText } from './well-formed-text';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';
const isStorable = (text: string) => !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')) && !text.includes('\u0000');

describe('wellFormedText', () => {
  it('replaces lone surrogates and NUL with U+FFFD and keeps pairs', () => {
    expect(wellFormedText('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormedText('\udfff\ud800')).toBe('\ufffd\ufffd');
    expect(wellFormedText('x\u0000y')).toBe('x\ufffdy');
    expect(wellFormedText('ok 🚀')).toBe('ok 🚀');
  });

  it('repairs keys and nested values, and returns the same object when nothing needs repair', () => {
    const clean = { a: 'x', b: [1, 'y', { c: true }] };
    expect(wellFormedAttributes(clean)).toBe(clean);
    expect(wellFormedAttributes({ 'k\ud800': ['v', { deep: 'z\u0000' }] })).toEqual({ 'k\ufffd': ['v', { deep: 'z\ufffd' }] });
  });
});

// Regression (found by lib/ingest/ingest-fuzz.int.test.ts): such strings reached the database
// driver, which refused the whole batch, and the sender got a 500.
describe('decoded spans carry only storable text', () => {
  it('OTLP/JSON: lone surrogate escapes and NUL in names, keys, values and resources', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc\ud800' } }] },
          scopeSpans: [
            {
              scope: { name: 'scope\u0000' },
              spans: [
                {
                  traceId: TRACE_ID,
                  spanId: SPAN_ID,
                  name: 'GET\udc00',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000500000000',
                  attributes: [{ key: 'url.full\ud800', value: { arrayValue: { values: [{ stringValue: 'a\u0000' }] } } }],
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = decodeJsonExport(body).spans;
    expect(span?.name).toBe('GET\ufffd');
    expect(span?.scopeName).toBe('scope\ufffd');
    expect(span?.resource['service.name']).toBe('svc\ufffd');
    expect(span?.attributes).toEqual({ 'url.full\ufffd': ['a\ufffd'] });
  });

  it('OTLP/JSON: a rejected span whose quoted name is cut inside a surrogate pair gives a storable reason', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'zz', spanId: SPAN_ID, name: `a${'🚀'.repeat(40)}` }] }] }],
    });
    const decoded = decodeJsonExport(body);
    expect(decoded.rejectedSpans).toBe(1);
    expect(decoded.rejectReasons.every(isStorable)).toBe(true);
  });

  it('protobuf: invalid UTF-8 in string fields', () => {
    const type = otlpProtoSchema.exportTraceServiceRequest;
    const marker = 'MARKERMARKER';
    const bytes = Buffer.from(
      type
        .encode(
          type.fromObject({
            resourceSpans: [
              {
                scopeSpans: [
                  {
                    spans: [
                      {
                        traceId: Buffer.from(TRACE_ID, 'hex'),
                        spanId: Buffer.from(SPAN_ID, 'hex'),
                        name: marker,
                        kind: 3,
                        startTimeUnixNano: '1700000000000000000',
                        endTimeUnixNano: '1700000000500000000',
                        attributes: [{ key: 'k', value: { stringValue: marker } }],
                      },
                    ],
                  },
                ],
              },
            ],
          }),
        )
        .finish(),
    );
    // ED A0 80 is U+D800 written as if it were a character: invalid UTF-8 that decodes to a lone surrogate.
    for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) bytes.set([0xed, 0xa0, 0x80, 0x41, 0xff, 0x42], at);
    // The premise: given a plain Uint8Array (what the route reads; a Buffer decodes through Node's
    // own UTF-8 decoder instead), protobufjs hands out ill-formed strings for such bytes.
    const body = new Uint8Array(bytes);
    const raw = type.toObject(type.decode(body)) as { resourceSpans: { scopeSpans: { spans: { name: string }[] }[] }[] };
    expect(isStorable(raw.resourceSpans[0]?.scopeSpans[0]?.spans[0]?.name ?? '')).toBe(false);
    const [span] = decodeProtobufExport(body).spans;
    expect(span && isStorable(span.name)).toBe(true);
    expect(span && isStorable(String(span.attributes.k))).toBe(true);
  });
});
