// Valid OTLP trace exports for the fuzz tests to mutate: realistic HTTP client spans (statuses,
// error bodies, key fingerprints, every attribute value type) as an OTLP/JSON object, and the
// same request as protobuf and JSON bytes. Deterministic for a given random source.
import { otlpProtoSchema } from '@/lib/otlp/otlp-proto-schema';
import type { SeededRandom } from './seeded-random';

export type OtlpJsonObject = { resourceSpans: Record<string, unknown>[] };

const hex = (random: SeededRandom, bytes: number) => Buffer.from(random.bytes(bytes)).toString('hex');
const str = (stringValue: string) => ({ stringValue });
const attr = (key: string, value: unknown) => ({ key, value });
const statuses = [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 503];
const paths = ['/api/v4/users', '/api/v4/cdr/123', '/api/v4/contacts', '/api/v4/campaigns/9/start', '/v1/items?page=2'];
const bodies = ['{"error":"Unauthorized"}', '{"errors":{"name":["is missing"]}}', '{"error":"Too many requests"}', 'plain text'];

function seedSpan(random: SeededRandom, startMs: number): Record<string, unknown> {
  const status = random.pick(statuses);
  const attributes: unknown[] = [
    attr('http.request.method', str(random.pick(['GET', 'POST', 'PUT', 'DELETE']))),
    attr('http.response.status_code', { intValue: String(status) }),
    attr('url.full', str(`https://cc${random.int(1, 3)}.voiso.com${random.pick(paths)}`)),
    attr('server.address', str('cc1.voiso.com')),
    attr('faultline.api_key.fingerprint', str(`fp_fuzz${random.int(0, 9)}`)),
    attr('app.ratio', { doubleValue: random.next() }),
    attr('app.flag', { boolValue: random.chance(0.5) }),
    attr('app.list', { arrayValue: { values: [str('a'), { intValue: '7' }] } }),
    attr('app.map', { kvlistValue: { values: [attr('inner', str('x'))] } }),
    attr('app.raw', { bytesValue: Buffer.from(random.bytes(6)).toString('base64') }),
  ];
  if (status >= 400) attributes.push(attr('faultline.error.body', str(random.pick(bodies))));
  if (random.chance(0.1)) attributes.push(attr('error.type', str('ECONNRESET')));
  const startNs = BigInt(startMs) * 1_000_000n;
  return {
    traceId: hex(random, 16),
    spanId: hex(random, 8),
    parentSpanId: random.chance(0.3) ? hex(random, 8) : '',
    name: 'GET',
    kind: random.chance(0.9) ? 3 : random.int(0, 5),
    startTimeUnixNano: String(startNs),
    endTimeUnixNano: String(startNs + BigInt(random.int(1, 900)) * 1_000_000n),
    attributes,
    status: { code: status >= 500 ? 2 : 0 },
  };
}

/** One export request with 1–3 resources, 1–2 scopes each and 1–5 spans per scope. */
export function seedExport(random: SeededRandom, nowMs = Date.now()): OtlpJsonObject {
  return {
    resourceSpans: Array.from({ length: random.int(1, 3) }, (_, r) => ({
      resource: {
        attributes: [attr('service.name', str(`fuzz-svc-${r}`)), attr('deployment.environment.name', str('fuzz'))],
      },
      scopeSpans: Array.from({ length: random.int(1, 2) }, () => ({
        scope: { name: '@opentelemetry/instrumentation-undici', version: '0.1.0' },
        spans: Array.from({ length: random.int(1, 5) }, () => seedSpan(random, nowMs - random.int(0, 3_600_000))),
      })),
    })),
  };
}

/** The first span of a seed request, for mutations aimed at one span. */
export function firstSpan(request: OtlpJsonObject): { name: string; attributes: unknown[] } {
  const scopeSpans = (request.resourceSpans[0]?.scopeSpans ?? []) as { spans: { name: string; attributes: unknown[] }[] }[];
  const span = scopeSpans[0]?.spans[0];
  if (!span) throw new Error('a seed request always has a span');
  return span;
}

/** Protobuf carries ids as bytes where OTLP/JSON carries hex; everything else fromObject maps itself. */
function toProtoObject(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && (key === 'traceId' || key === 'spanId' || key === 'parentSpanId')) {
    return Buffer.from(value, 'hex');
  }
  if (Array.isArray(value)) return value.map((item) => toProtoObject(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProtoObject(v, k)]));
  }
  return value;
}

export function encodeJsonExport(request: OtlpJsonObject): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(request));
}

export function encodeProtobufExport(request: OtlpJsonObject): Uint8Array {
  const type = otlpProtoSchema.exportTraceServiceRequest;
  return type.encode(type.fromObject(toProtoObject(request) as Record<string, unknown>)).finish();
}
