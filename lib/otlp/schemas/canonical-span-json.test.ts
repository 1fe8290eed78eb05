import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from '../decode-json';
import { canonicalSpan } from './canonical-span-json';
import { fullSpanJsonSchema } from './otlp-json-schema';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: 'GET',
    kind: 3,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000500000000',
    attributes: [{ key: 'http.request.method', value: { stringValue: 'GET' } }],
    ...overrides,
  };
}

/** Through JSON, as the decoder sees it. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('canonicalSpan', () => {
  it.each([
    ['a typical exporter span', span({ status: { code: 0 }, droppedAttributesCount: 0, events: [], links: [], flags: 257 })],
    ['an empty span', {}],
    ['enum names and a status message', span({ kind: 'SPAN_KIND_SERVER', status: { code: 'STATUS_CODE_ERROR', message: 'boom' } })],
    ['negative zero and negative enums', span({ kind: -0, status: { code: -5 } })],
    ['times as numbers, zero and the largest fixed64', span({ startTimeUnixNano: 0, endTimeUnixNano: '18446744073709551615' })],
    ['ids of any shape (checked later, per span)', span({ traceId: 'not hex', spanId: '', parentSpanId: 'AAAA' })],
  ])('maps %s exactly as the schema does', (_label, value) => {
    const fast = canonicalSpan(json(value));
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(fullSpanJsonSchema.parse(json(value)));
  });

  it.each([
    ['null', null],
    ['an array', [span()]],
    ['a snake_case member', span({ trace_id: TRACE_ID })],
    ['a null member', span({ parentSpanId: null })],
    ['a number id', span({ traceId: 7 })],
    ['an enum given as a decimal string', span({ kind: '3' })],
    ['an inherited name as an enum', span({ kind: 'constructor' })],
    ['a fractional kind', span({ kind: 1.5 })],
    ['a kind beyond int32', span({ kind: 2 ** 31 })],
    ['a negative time', span({ startTimeUnixNano: '-1' })],
    ['a time beyond 64 bits', span({ endTimeUnixNano: '18446744073709551616' })],
    ['a non-string status message', span({ status: { code: 2, message: 3 } })],
    ['a null status', span({ status: null })],
    ['non-canonical attributes', span({ attributes: [{ key: 'b', value: { bytesValue: 'AAE=' } }] })],
  ])('leaves %s to the schema', (_label, value) => {
    expect(canonicalSpan(json(value))).toBeUndefined();
  });

  it('leaves the decoder answer unchanged for spans it hands to the schema', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [span({ kind: '3', trace_id: TRACE_ID, traceId: undefined, status: null })] }] }],
    });
    const [decoded] = decodeJsonExport(body).spans;
    expect(decoded?.kind).toBe(3);
    expect(decoded?.traceId).toBe(TRACE_ID);
  });

  it('still reports the schema issues of a span it leaves alone, with their full path', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [span(), span({ kind: 'SIDEWAYS', startTimeUnixNano: 1.5 })] }] }],
    });
    expect(() => decodeJsonExport(body)).toThrow(
      'The body is not a valid OTLP/JSON ExportTraceServiceRequest: ' +
        'resourceSpans[0].scopeSpans[0].spans[1].kind: expected an integer or one of SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER; ' +
        'resourceSpans[0].scopeSpans[0].spans[1].startTimeUnixNano: expected a decimal string or integer',
    );
  });
});
