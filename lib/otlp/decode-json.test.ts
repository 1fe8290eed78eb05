import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from './decode-json';
import { exceedsJsonDepth } from './exceeds-json-depth';
import { OtlpDecodeError } from './otlp-decode-error';

const specTrace = readFileSync(new URL('./fixtures/spec-trace.json', import.meta.url), 'utf8');

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

function request(spans: unknown[], resourceAttributes: unknown[] = []): string {
  return JSON.stringify({
    resourceSpans: [
      { resource: { attributes: resourceAttributes }, scopeSpans: [{ scope: { name: 's' }, spans }] },
    ],
  });
}

function span(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    name: 'GET',
    kind: 3,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000500000000',
    ...overrides,
  };
}

function decodeError(body: string): string {
  try {
    decodeJsonExport(body);
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    return (error as Error).message;
  }
  throw new Error('expected decodeJsonExport to throw');
}

describe('decodeJsonExport: the OTLP spec example', () => {
  it('decodes the one span with lower-case ids, exact times and both attribute sets', () => {
    const decoded = decodeJsonExport(specTrace);
    expect(decoded.rejectedSpans).toBe(0);
    expect(decoded.rejectReasons).toEqual([]);
    expect(decoded.spans).toEqual([
      {
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        parentSpanId: 'eee19b7ec3c1b173',
        name: "I'm a server span",
        kind: 2,
        startTimeUnixNano: 1544712660000000000n,
        endTimeUnixNano: 1544712661000000000n,
        statusCode: 0,
        attributes: { 'my.span.attr': 'some value' },
        resource: { 'service.name': 'my.service' },
        scopeName: 'my.library',
      },
    ]);
  });
});

describe('decodeJsonExport: lenient proto3 JSON', () => {
  it('accepts 64-bit integers as strings or numbers and keeps nanosecond precision for strings', () => {
    const decoded = decodeJsonExport(
      request([
        span({ startTimeUnixNano: '1700000000000000001', endTimeUnixNano: '1700000000000000002' }),
        span({ spanId: '0000000000000002', startTimeUnixNano: 1700000000, endTimeUnixNano: 1700000001 }),
      ]),
    );
    expect(decoded.spans.map((s) => [s.startTimeUnixNano, s.endTimeUnixNano])).toEqual([
      [1700000000000000001n, 1700000000000000002n],
      [1700000000n, 1700000001n],
    ]);
  });

  it('accepts enums as integers or names', () => {
    const decoded = decodeJsonExport(
      request([
        span({ kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR' } }),
        span({ spanId: '0000000000000002', kind: 5, status: { code: 2 } }),
      ]),
    );
    expect(decoded.spans.map((s) => [s.kind, s.statusCode])).toEqual([
      [3, 2],
      [5, 2],
    ]);
  });

  it('accepts snake_case field names as well as lowerCamelCase', () => {
    const body = JSON.stringify({
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: TRACE_ID,
                  span_id: SPAN_ID,
                  parent_span_id: 'EEE19B7EC3C1B173',
                  start_time_unix_nano: '5',
                  end_time_unix_nano: '6',
                  attributes: [{ key: 'n', value: { int_value: '7' } }],
                },
              ],
            },
          ],
        },
      ],
    });
    const [decoded] = decodeJsonExport(body).spans;
    expect(decoded).toMatchObject({
      parentSpanId: 'eee19b7ec3c1b173',
      startTimeUnixNano: 5n,
      attributes: { n: 7 },
    });
  });

  it('maps every AnyValue kind to plain JS, keeping unsafe int64 exact as a string', () => {
    const attributes = [
      { key: 's', value: { stringValue: 'x' } },
      { key: 'b', value: { boolValue: false } },
      { key: 'i', value: { intValue: '-42' } },
      { key: 'big', value: { intValue: '9007199254740993' } },
      { key: 'd', value: { doubleValue: 0.25 } },
      { key: 'inf', value: { doubleValue: 'Infinity' } },
      { key: 'bytes', value: { bytesValue: 'AQL/' } },
      { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }, {}] } } },
      { key: 'kv', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } },
      { key: 'empty' },
      { key: '__proto__', value: { stringValue: 'not a prototype' } },
    ];
    const [decoded] = decodeJsonExport(request([span({ attributes })], attributes)).spans;
    const expected = {
      s: 'x',
      b: false,
      i: -42,
      big: '9007199254740993',
      d: 0.25,
      inf: Number.POSITIVE_INFINITY,
      bytes: '0102ff',
      arr: ['a', 1, null],
      kv: { k: true },
      empty: null,
    };
    expect(decoded?.attributes).toMatchObject(expected);
    expect(decoded?.resource).toMatchObject(expected);
    expect(Object.getPrototypeOf(decoded?.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded?.attributes, '__proto__')?.value).toBe(
      'not a prototype',
    );
  });

  it('ignores fields it does not know, such as events and links', () => {
    const decoded = decodeJsonExport(
      request([span({ events: [{ name: 'exception' }], links: 'not even an array', flags: 257 })]),
    );
    expect(decoded.spans).toHaveLength(1);
  });
});

describe('decodeJsonExport: empty requests', () => {
  it.each(['{}', '{"resourceSpans":[]}', '{"resourceSpans":null}', '{"resourceSpans":[{}]}'])(
    '%s is a valid request with no spans',
    (body) => {
      expect(decodeJsonExport(body)).toEqual({ spans: [], rejectedSpans: 0, rejectReasons: [] });
    },
  );

  it.each(['', '  \n'])('an empty body (%j) is a decode error', (body) => {
    expect(decodeError(body)).toMatch(/empty/);
  });
});

describe('decodeJsonExport: malformed documents are 400s that name the path', () => {
  it('rejects text that is not JSON', () => {
    expect(decodeError('{"resourceSpans": [')).toMatch(/^The body is not valid JSON: /);
  });

  it('rejects a document whose root is not an object', () => {
    expect(decodeError('[]')).toMatch(/\(root\): .*expected object/);
  });

  it('rejects resourceSpans that is not an array', () => {
    expect(decodeError('{"resourceSpans":{"scopeSpans":[]}}')).toMatch(
      /resourceSpans: .*expected array/,
    );
  });

  it('rejects a span that is not an object', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{}, { spans: [span(), 'GET /x'] }] }],
    });
    expect(decodeError(body)).toMatch(
      /resourceSpans\[0\]\.scopeSpans\[1\]\.spans\[1\]: .*expected object/,
    );
  });

  it('rejects a time that is not an integer', () => {
    const body = JSON.stringify({
      resourceSpans: [
        { scopeSpans: [{}, { spans: [span(), span(), span(), span({ startTimeUnixNano: 'abc' })] }] },
      ],
    });
    expect(decodeError(body)).toContain(
      'resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano: expected a decimal string or integer',
    );
  });

  it.each([
    ['a negative time', { endTimeUnixNano: '-1' }, 'endTimeUnixNano'],
    ['a fractional time', { startTimeUnixNano: 1.5 }, 'startTimeUnixNano'],
    ['an unknown enum name', { kind: 'CLIENT' }, 'kind'],
    ['a non-string id', { traceId: 12 }, 'traceId'],
    ['an int64 attribute beyond 64 bits', { attributes: [{ key: 'n', value: { intValue: '9223372036854775808' } }] }, 'attributes[0].value.intValue'],
    ['bytes that are not base64', { attributes: [{ key: 'b', value: { bytesValue: 'not base64!' } }] }, 'attributes[0].value.bytesValue'],
  ])('rejects %s', (_label, overrides, field) => {
    expect(decodeError(request([span(overrides)]))).toContain(
      `resourceSpans[0].scopeSpans[0].spans[0].${field}: expected`,
    );
  });

  it('decodes attribute values nested as deep as the depth limit allows', () => {
    // The schema is unrolled to a fixed depth (no recursion): it must reach every document that
    // passes exceedsJsonDepth. Find the deepest array nesting that passes, then decode it.
    const nested = (depth: number) => `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"leaf"}${']}}'.repeat(depth)}`;
    const body = (depth: number) => request([span({ attributes: [{ key: 'deep', value: 'VALUE' }] })]).replace('"VALUE"', nested(depth));
    let depth = 1;
    while (!exceedsJsonDepth(JSON.parse(body(depth + 1)))) depth += 1;
    expect(depth).toBeGreaterThan(30);
    let value: unknown = decodeJsonExport(body(depth)).spans[0]!.attributes.deep;
    for (let level = 0; level < depth; level++) value = (value as unknown[])[0];
    expect(value).toBe('leaf');
    expect(decodeError(body(depth + 1))).toMatch(/nested too deeply/);
  });

  it('turns absurd nesting into a decode error instead of crashing', () => {
    // Built as text because JSON.stringify itself cannot handle this depth.
    const depth = 100_000;
    const value = `${'{"arrayValue":{"values":['.repeat(depth)}{"stringValue":"leaf"}${']}}'.repeat(depth)}`;
    const body = request([span({ attributes: [{ key: 'deep', value: 'VALUE' }] })]).replace(
      '"VALUE"',
      value,
    );
    expect(decodeError(body)).toMatch(/nested too deeply/);
  });
});

describe('decodeJsonExport: bad spans are rejected, not fatal', () => {
  it('keeps the good spans and explains each rejected one', () => {
    const decoded = decodeJsonExport(
      request([
        span({ name: 'good-1' }),
        span({ name: 'short', traceId: 'abc' }),
        span({ name: 'zeros', spanId: '0000000000000000' }),
        span({ name: 'no-start', startTimeUnixNano: undefined }),
        span({ name: 'backwards', endTimeUnixNano: '1699999999999999999' }),
        span({ name: 'good-2', spanId: 'EEE19B7EC3C1B175' }),
      ]),
    );
    expect(decoded.spans.map((s) => s.name)).toEqual(['good-1', 'good-2']);
    expect(decoded.spans[1]?.spanId).toBe('eee19b7ec3c1b175');
    expect(decoded.rejectedSpans).toBe(4);
    expect(decoded.rejectReasons).toEqual([
      'span "short" in resourceSpans[0].scopeSpans[0].spans[1]: traceId "abc" must be 32 hex characters (16 bytes)',
      'span "zeros" in resourceSpans[0].scopeSpans[0].spans[2]: spanId 0000000000000000 is all zeros, which is not a valid id',
      'span "no-start" in resourceSpans[0].scopeSpans[0].spans[3]: startTimeUnixNano is missing or 0',
      'span "backwards" in resourceSpans[0].scopeSpans[0].spans[4]: endTimeUnixNano 1699999999999999999 is before startTimeUnixNano 1700000000000000000',
    ]);
  });

  it('hints that ids must be hex when they look base64-encoded', () => {
    const base64TraceId = Buffer.from(TRACE_ID, 'hex').toString('base64');
    expect(base64TraceId).toMatch(/==$/);
    const decoded = decodeJsonExport(request([span({ traceId: base64TraceId })]));
    expect(decoded.rejectedSpans).toBe(1);
    expect(decoded.rejectReasons[0]).toContain('hex, not base64');
  });

  it('does not give the base64 hint for a merely truncated hex id', () => {
    const decoded = decodeJsonExport(request([span({ traceId: TRACE_ID.slice(0, 24) })]));
    expect(decoded.rejectReasons[0]).not.toContain('base64');
  });

  it('keeps at most five reasons but counts every rejected span', () => {
    const bad = Array.from({ length: 12 }, (_, i) => span({ name: `bad-${i}`, traceId: 'x' }));
    const decoded = decodeJsonExport(request(bad));
    expect(decoded.rejectedSpans).toBe(12);
    expect(decoded.rejectReasons).toHaveLength(5);
  });
});

describe('decodeJsonExport: enum names', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses kind and status code "%s" like any unknown name', (name) => {
    expect(decodeError(request([span({ kind: name })]))).toMatch(/spans\[0\]\.kind: expected an integer or one of SPAN_KIND_UNSPECIFIED/);
    expect(decodeError(request([span({ status: { code: name } })]))).toMatch(/spans\[0\]\.status\.code: expected an integer or one of STATUS_CODE_UNSET/);
  });
});
