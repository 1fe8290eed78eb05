// Vectors from the real OpenTelemetry JS serializers: they prove our hand-written schema's field
// numbers and our JSON reading match what exporters actually send.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeExport } from './decode-export';
import { encodeExportResponse } from './encode-response';
import { otlpProtoSchema } from './otlp-proto-schema';

function hrTimeToNanos([seconds, nanos]: [number, number]): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

let spans: ReadableSpan[];
let protobufBytes: Uint8Array;
let jsonBytes: Uint8Array;

beforeAll(async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'deployment.environment.name': 'staging',
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('faultline-vectors', '1.2.3');

  const parent = tracer.startSpan('POST', {
    kind: SpanKind.CLIENT,
    startTime: [1_700_000_000, 123_456_789],
    attributes: {
      'http.request.method': 'POST',
      'http.response.status_code': 503,
      'url.full': 'https://api.example.com/v4/contacts?limit=10',
      'http.request.header.accept': ['application/json', 'text/plain'],
      'faultline.ratio': 0.25,
      'faultline.retried': true,
      'faultline.offset': -42,
    },
  });
  parent.setStatus({ code: SpanStatusCode.ERROR, message: 'Service Unavailable' });
  parent.addEvent('exception', { 'exception.type': 'HTTPError' }, [1_700_000_000, 500_000_001]);

  const child = tracer.startSpan(
    'GET',
    {
      kind: SpanKind.CLIENT,
      startTime: [1_700_000_001, 1],
      attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200 },
      links: [{ context: parent.spanContext() }],
    },
    trace.setSpan(ROOT_CONTEXT, parent),
  );
  child.end([1_700_000_001, 999_999_999]);
  parent.end([1_700_000_002, 0]);

  await provider.forceFlush();
  spans = exporter.getFinishedSpans();
  const proto = ProtobufTraceSerializer.serializeRequest(spans);
  const json = JsonTraceSerializer.serializeRequest(spans);
  if (!proto || !json) throw new Error('the serializers produced no bytes');
  protobufBytes = proto;
  jsonBytes = json;
});

describe('real OTLP exporter payloads', () => {
  it('decode identically from protobuf and JSON', () => {
    const fromProtobuf = decodeExport('protobuf', protobufBytes);
    const fromJson = decodeExport('json', jsonBytes);
    expect(fromProtobuf.rejectedSpans).toBe(0);
    expect(fromJson.rejectedSpans).toBe(0);
    expect(fromProtobuf.spans).toHaveLength(2);
    expect(fromProtobuf.spans).toEqual(fromJson.spans);
  });

  it.each(['protobuf', 'json'] as const)(
    'carry ids, nanosecond times, kind, status and typed attributes (%s)',
    (format) => {
      const decoded = decodeExport(format, format === 'protobuf' ? protobufBytes : jsonBytes);
      expect(decoded.spans).toHaveLength(spans.length);
      for (const sdkSpan of spans) {
        const context = sdkSpan.spanContext();
        const span = decoded.spans.find((s) => s.spanId === context.spanId);
        expect(span, `span ${sdkSpan.name}`).toBeDefined();
        expect(span?.traceId).toBe(context.traceId);
        expect(span?.parentSpanId).toBe(sdkSpan.parentSpanContext?.spanId ?? null);
        expect(span?.name).toBe(sdkSpan.name);
        expect(span?.kind).toBe(3); // OTLP SPAN_KIND_CLIENT; the API's CLIENT is 2
        expect(span?.startTimeUnixNano).toBe(hrTimeToNanos(sdkSpan.startTime));
        expect(span?.endTimeUnixNano).toBe(hrTimeToNanos(sdkSpan.endTime));
        expect(span?.scopeName).toBe('faultline-vectors');
        expect(span?.resource).toMatchObject({
          'service.name': 'checkout',
          'deployment.environment.name': 'staging',
        });
      }

      const post = decoded.spans.find((s) => s.name === 'POST');
      expect(post?.startTimeUnixNano).toBe(1_700_000_000_123_456_789n);
      expect(post?.endTimeUnixNano).toBe(1_700_000_002_000_000_000n);
      expect(post?.parentSpanId).toBeNull();
      expect(post?.statusCode).toBe(2);
      expect(post?.attributes).toEqual({
        'http.request.method': 'POST',
        'http.response.status_code': 503,
        'url.full': 'https://api.example.com/v4/contacts?limit=10',
        'http.request.header.accept': ['application/json', 'text/plain'],
        'faultline.ratio': 0.25,
        'faultline.retried': true,
        'faultline.offset': -42,
      });

      const get = decoded.spans.find((s) => s.name === 'GET');
      expect(get?.parentSpanId).toBe(post?.spanId);
      expect(get?.startTimeUnixNano).toBe(1_700_000_001_000_000_001n);
      expect(get?.endTimeUnixNano).toBe(1_700_000_001_999_999_999n);
      expect(get?.statusCode).toBe(0);
    },
  );

  it('events and links sit at the field numbers our schema declares', () => {
    const request = otlpProtoSchema.exportTraceServiceRequest.toObject(
      otlpProtoSchema.exportTraceServiceRequest.decode(protobufBytes),
      { longs: String, bytes: String },
    ) as {
      resourceSpans: {
        scopeSpans: {
          scope: { name: string; version: string };
          spans: {
            name: string;
            flags: number;
            events?: { name: string; timeUnixNano: string }[];
            links?: { spanId: string }[];
          }[];
        }[];
      }[];
    };
    const scopeSpans = request.resourceSpans[0]?.scopeSpans[0];
    expect(scopeSpans?.scope).toEqual({ name: 'faultline-vectors', version: '1.2.3' });
    const post = scopeSpans?.spans.find((s) => s.name === 'POST');
    const get = scopeSpans?.spans.find((s) => s.name === 'GET');
    expect(post?.events).toEqual([
      expect.objectContaining({ name: 'exception', timeUnixNano: '1700000000500000001' }),
    ]);
    const postSpanId = spans.find((s) => s.name === 'POST')?.spanContext().spanId ?? '';
    expect(get?.links).toEqual([
      expect.objectContaining({ spanId: Buffer.from(postSpanId, 'hex').toString('base64') }),
    ]);
    // flags: sampled (0x01) | HAS_IS_REMOTE (0x100)
    expect(post?.flags).toBe(0x101);
  });

  it('the exporter reads our partial-success responses', () => {
    const partial = { rejectedSpans: 3, errorMessage: 'span "x" in ...: traceId is missing' };
    const protobuf = encodeExportResponse('protobuf', partial);
    expect(ProtobufTraceSerializer.deserializeResponse(protobuf.body as Uint8Array)).toEqual({
      partialSuccess: { rejectedSpans: 3, errorMessage: partial.errorMessage },
    });
    const json = encodeExportResponse('json', partial);
    const parsed = JsonTraceSerializer.deserializeResponse(
      new TextEncoder().encode(json.body as string),
    );
    expect(parsed).toEqual({
      partialSuccess: { rejectedSpans: '3', errorMessage: partial.errorMessage },
    });
    expect(ProtobufTraceSerializer.deserializeResponse(
      encodeExportResponse('protobuf', null).body as Uint8Array,
    )).toEqual({});
  });
});
