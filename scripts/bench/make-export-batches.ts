// Realistic OTLP export bodies for benchmarks: 512-span batches of Voiso-style client calls
// (mixed statuses with error bodies, 50 keys, 30 endpoints), serialised by the real
// OpenTelemetry protobuf and JSON serializers.
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

const outcomes: [number, string | undefined][] = [
  [200, undefined],
  [200, undefined],
  [200, undefined],
  [201, undefined],
  [401, '{"error":"Unauthorized"}'],
  [403, '{"error":"Forbidden"}'],
  [404, '{"error":"Not found"}'],
  [422, '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}'],
  [429, '{"error":"Too many requests"}'],
];
const resources = ['users', 'agents', 'contacts', 'campaigns', 'cdr', 'calls'];

export function makeExportBatches(batches: number, spansPerBatch = 512): { protobuf: Uint8Array[]; json: Uint8Array[] } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'bench', 'deployment.environment.name': 'bench' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('bench');
  const protobuf: Uint8Array[] = [];
  const json: Uint8Array[] = [];
  let n = 0;
  for (let b = 0; b < batches; b++) {
    exporter.reset();
    for (let i = 0; i < spansPerBatch; i++, n++) {
      const [status, body] = outcomes[n % outcomes.length]!;
      const endpoint = n % 30;
      const attributes: Attributes = {
        'http.request.method': endpoint % 3 === 0 ? 'POST' : 'GET',
        'http.response.status_code': status,
        'url.full': `https://cc${endpoint % 5}.voiso.com/api/v4/${resources[endpoint % resources.length]}${endpoint >= 6 ? `/${1000 + n}` : ''}`,
        'server.address': `cc${endpoint % 5}.voiso.com`,
        'faultline.api_key.fingerprint': `fp_bench${String(n % 50).padStart(4, '0')}`,
        'faultline.auth.scheme': 'bearer',
        'http.request.header.accept': ['application/json'],
      };
      if (body) attributes['faultline.error.body'] = body;
      tracer.startSpan('HTTP', { kind: SpanKind.CLIENT, attributes }).end();
    }
    const spans = exporter.getFinishedSpans();
    protobuf.push(ProtobufTraceSerializer.serializeRequest(spans)!);
    json.push(JsonTraceSerializer.serializeRequest(spans)!);
  }
  return { protobuf, json };
}
