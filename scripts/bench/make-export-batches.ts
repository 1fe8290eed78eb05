// Realistic, deterministic OTLP export bodies for the ingest benchmarks: 512-span batches of
// Voiso-style client calls as an instrumented fleet sends them (one service per batch, 50 API-key
// fingerprints, 30 endpoints, mostly 2xx with 401/403/404/422/429/5xx and a few network errors,
// Voiso error bodies), serialised by the real OpenTelemetry protobuf and JSON serializers.
// Half the batches are protobuf and half JSON; a quarter of each are gzipped, as a Collector
// or an exporter with compression: 'gzip' sends them. Same arguments, same bytes.
import { gzipSync } from 'node:zlib';
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type IdGenerator, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface ExportBody {
  format: 'protobuf' | 'json';
  gzip: boolean;
  /** The bytes on the wire (gzipped when `gzip`). */
  bytes: Uint8Array;
  spans: number;
}

export interface ExportBatchOptions {
  batches: number;
  spansPerBatch?: number;
  /** Start of the first span (epoch ms); each batch covers the next 5 s, as a BatchSpanProcessor would. */
  startMs: number;
  /** Seeds ids and the random choices; different seeds give different trace/span ids. */
  seed?: number;
}

const services = ['billing-sync', 'crm-bridge', 'dialer-reports', 'agent-portal'];
const hosts = ['cc1.voiso.com', 'cc2.voiso.com', 'cc3.voiso.com'];
// 30 endpoints: method + path with an {id} placeholder the classifier templates back.
const endpoints: [string, string][] = [
  ['GET', '/api/v4/users'],
  ['GET', '/api/v4/users/{id}'],
  ['GET', '/api/v4/agents'],
  ['GET', '/api/v4/agents/{id}'],
  ['PATCH', '/api/v4/agents/{id}'],
  ['GET', '/api/v4/campaigns'],
  ['POST', '/api/v4/campaigns'],
  ['GET', '/api/v4/campaigns/{id}'],
  ['GET', '/api/v4/cdr'],
  ['GET', '/api/v4/cdr/{id}'],
  ['GET', '/api/v4/cdr/{id}/transcript'],
  ['GET', '/api/v4/contacts'],
  ['POST', '/api/v4/contacts'],
  ['GET', '/api/v4/contacts/{id}'],
  ['PATCH', '/api/v4/contacts/{id}'],
  ['DELETE', '/api/v4/contacts/{id}'],
];
// 16 method+paths on hosts give more than 30; keep exactly 30 distinct (method, host, route).
const endpointList: { method: string; host: string; path: string }[] = Array.from({ length: 30 }, (_, i) => {
  const [method, path] = endpoints[i % endpoints.length]!;
  return { method, host: hosts[Math.floor(i / endpoints.length) % hosts.length]!, path };
});

// [cumulative weight, status]: ~86% 2xx, the documented client errors, some 5xx, a few without response.
const statusWeights: [number, number][] = [
  [0.7, 200],
  [0.8, 201],
  [0.86, 204],
  [0.89, 401],
  [0.91, 403],
  [0.935, 404],
  [0.96, 422],
  [0.985, 429],
  [0.99, 500],
  [0.993, 502],
  [0.996, 503],
  [1, 0],
];
const fieldErrors = [
  '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}',
  '{"errors":{"phone_number":["is invalid"]}}',
  '{"errors":{"email":["has already been taken"]}}',
  '{"errors":{"campaign_id":["must be filled"],"priority":["must be an integer"]}}',
];
const reasons: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
const networkErrors = ['ECONNRESET', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND'];

/** mulberry32: a tiny seeded PRNG, so every run sends the same bodies. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Unique, deterministic ids: 8 client calls per trace, every span id distinct. */
function countingIds(seed: number): IdGenerator {
  let span = 0;
  let trace = 0;
  const prefix = hex(seed & 0xffff, 4);
  return {
    generateTraceId: () => `${prefix}${hex(0xbe0c4, 12)}${hex(Math.floor(trace++ / 8), 16)}`,
    generateSpanId: () => `${prefix}${hex(++span, 12)}`,
  };
}

function fingerprint(key: number): string {
  return `fp_${hex(0x5eed0000 + key * 7919, 16)}_${String.fromCharCode(65 + (key % 26))}${key % 10}xQ`;
}

function callAttributes(random: () => number, n: number): Attributes {
  const key = Math.floor(random() ** 2 * 50); // a few busy keys, a long tail
  // Each key calls its own handful of endpoints, as one integration does.
  const endpoint = endpointList[(key * 7 + Math.floor(random() * 6)) % endpointList.length]!;
  const roll = random();
  const status = statusWeights.find(([w]) => roll < w)![1];
  const path = endpoint.path.replace('{id}', String(10_000 + ((n * 31) % 90_000)));
  const attributes: Attributes = {
    'http.request.method': endpoint.method,
    'url.full': `https://${endpoint.host}${path}${endpoint.method === 'GET' && !path.includes('/', 9) ? '?page=2&per_page=100' : ''}`,
    'url.template': endpoint.path,
    'server.address': endpoint.host,
    'server.port': 443,
    'network.protocol.version': '1.1',
    'faultline.api_key.fingerprint': fingerprint(key),
    'faultline.auth.scheme': 'bearer',
    'http.request.header.accept': ['application/json'],
  };
  if (status === 0) {
    attributes['error.type'] = networkErrors[n % networkErrors.length]!;
    return attributes;
  }
  attributes['http.response.status_code'] = status;
  if (status >= 400) {
    attributes['error.type'] = String(status);
    attributes['faultline.error.body'] =
      status === 422 ? fieldErrors[n % fieldErrors.length]! : JSON.stringify({ error: reasons[status] ?? 'Error' });
  }
  if (status === 429) attributes['http.response.header.retry-after'] = [String(1 + (n % 30))];
  if (status >= 500 && n % 2 === 0) attributes['http.request.resend_count'] = 1;
  return attributes;
}

export function makeExportBatches(options: ExportBatchOptions): ExportBody[] {
  const spansPerBatch = options.spansPerBatch ?? 512;
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const idGenerator = countingIds(seed);
  const bodies: ExportBody[] = [];
  let n = 0;
  for (let b = 0; b < options.batches; b++) {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': services[b % services.length]!,
        'deployment.environment.name': 'production',
        'telemetry.sdk.language': 'nodejs',
      }),
      idGenerator,
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('@faultline/instrument', '0.1.0');
    const batchStart = options.startMs + b * 5000;
    for (let i = 0; i < spansPerBatch; i++, n++) {
      const attributes = callAttributes(random, n);
      const startTime = batchStart + Math.floor((i * 5000) / spansPerBatch);
      const name = String(attributes['http.request.method']);
      tracer.startSpan(name, { kind: SpanKind.CLIENT, startTime, attributes }).end(startTime + 20 + Math.floor(random() ** 3 * 2000));
    }
    const spans = exporter.getFinishedSpans();
    const format = b % 2 === 0 ? 'protobuf' : 'json';
    const raw = format === 'protobuf' ? ProtobufTraceSerializer.serializeRequest(spans) : JsonTraceSerializer.serializeRequest(spans);
    if (!raw) throw new Error(`the ${format} serializer produced no bytes`);
    const gzip = b % 8 >= 6;
    bodies.push({ format, gzip, bytes: gzip ? new Uint8Array(gzipSync(raw)) : raw, spans: spans.length });
  }
  return bodies;
}
