// Real OpenTelemetry SDK spans and the real OTLP serializers, for tests that post export
// bodies to the ingest route exactly as a stock exporter would build them.
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export { SpanKind };

export interface SpanSpec {
  name: string;
  kind: SpanKind;
  /** Epoch milliseconds. */
  startMs: number;
  durationMs: number;
  attributes: Attributes;
}

export interface ResourceSpec {
  service: string;
  environment: string;
  /** More resource attributes, besides service.name and deployment.environment.name. */
  attributes?: Attributes;
}

/** Records the spans with a BasicTracerProvider and returns what its exporter would receive. */
export async function recordSpans(resource: ResourceSpec, specs: readonly SpanSpec[]): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      ...resource.attributes,
      'service.name': resource.service,
      'deployment.environment.name': resource.environment,
    }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('faultline-int-test', '1.0.0');
  for (const spec of specs) {
    const span = tracer.startSpan(spec.name, { kind: spec.kind, startTime: spec.startMs, attributes: spec.attributes });
    span.end(spec.startMs + spec.durationMs);
  }
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans();
  await provider.shutdown();
  if (spans.length !== specs.length) throw new Error(`recorded ${spans.length} spans, expected ${specs.length}`);
  return spans;
}

export type OtlpFormat = 'protobuf' | 'json';

/** ExportTraceServiceRequest bytes as the OTLP exporters serialise them. */
export function serializeSpans(spans: ReadableSpan[], format: OtlpFormat): Uint8Array {
  const bytes =
    format === 'protobuf' ? ProtobufTraceSerializer.serializeRequest(spans) : JsonTraceSerializer.serializeRequest(spans);
  if (!bytes) throw new Error(`the ${format} serializer produced no bytes`);
  return bytes;
}

/** The response body as the exporters read it (partialSuccess is absent on full success). */
export function deserializeResponse(format: OtlpFormat, body: Uint8Array): unknown {
  return format === 'protobuf' ? ProtobufTraceSerializer.deserializeResponse(body) : JsonTraceSerializer.deserializeResponse(body);
}
