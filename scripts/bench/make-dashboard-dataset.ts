// A day of realistic stored calls for dashboard benchmarks: 13 services, each with its own
// key(s), endpoints and failure mix (one throttled, one with a bad key, ...), spread evenly over
// the 24 hours before `endMs`. Deterministic, so runs compare.
import type { ClassifiedRequest, StatusClass } from '@/lib/classify/classified-request';
import { endpointId } from '@/lib/classify/endpoint-id';

const resources = ['users', 'agents', 'contacts', 'campaigns', 'cdr', 'cdr/{id}', 'cdr/{id}/transcript', 'contacts/{id}'];
const failures: [number, string][] = [
  [401, 'Unauthorized'],
  [403, 'Forbidden'],
  [404, 'Not found'],
  [406, 'format: must be one of: json, vtt, srt, text'],
  [409, 'state: conflict'],
  [422, 'name: is missing'],
  [429, 'Too many requests'],
  [500, 'Internal Server Error'],
];

interface ServiceShape {
  service: string;
  environment: string;
  keys: string[];
  endpoints: { method: string; host: string; route: string; id: string }[];
  /** Share of this service's calls that fail, and with which status (index into failures). */
  failureShare: number;
  failure: number;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function services(): ServiceShape[] {
  return Array.from({ length: 13 }, (_, s) => {
    const host = `cc${s % 3}.voiso.com`;
    const endpoints = Array.from({ length: 5 }, (_, e) => {
      const method = e % 4 === 3 ? 'POST' : 'GET';
      const route = `/api/v4/${resources[(s + e) % resources.length]}`;
      return { method, host, route, id: endpointId(method, host, route) };
    });
    return {
      service: `service-${String(s).padStart(2, '0')}`,
      environment: ['production', 'staging', 'production'][s % 3] ?? 'production',
      keys: [`fp_bench${String(s).padStart(4, '0')}a`, `fp_bench${String(s).padStart(4, '0')}b`].slice(0, 1 + (s % 2)),
      endpoints,
      failureShare: s === 0 ? 0.01 : 0.05 + (s % 5) * 0.08,
      failure: s % failures.length,
    };
  });
}

/** `count` calls over the 24 h before `endMs`, yielded in batches for the ingest path. */
export function* makeDashboardDataset(count: number, endMs: number, batchSize = 5000): Generator<ClassifiedRequest[]> {
  const random = lcg(42);
  const shapes = services();
  const startMs = endMs - 24 * 3_600_000;
  let batch: ClassifiedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const shape = shapes[i % shapes.length] as ServiceShape;
    const endpoint = shape.endpoints[Math.floor(random() * shape.endpoints.length)] as ServiceShape['endpoints'][number];
    const failed = random() < shape.failureShare;
    const [failStatus, failKey] = failures[(shape.failure + (random() < 0.2 ? 1 : 0)) % failures.length] as [number, string];
    const statusCode = failed ? failStatus : endpoint.method === 'POST' ? 201 : 200;
    const statusClass = `${Math.floor(statusCode / 100)}xx` as StatusClass;
    batch.push({
      traceId: (i + 1).toString(16).padStart(32, '0'),
      spanId: (i + 1).toString(16).padStart(16, '0'),
      parentSpanId: null,
      spanName: endpoint.method,
      startMs: Math.floor(startMs + (i / count) * (endMs - startMs)),
      durationMs: 20 + random() * 400,
      service: shape.service,
      environment: shape.environment,
      method: endpoint.method,
      host: endpoint.host,
      route: endpoint.route,
      endpointId: endpoint.id,
      statusCode,
      statusClass,
      isError: failed,
      errorType: null,
      errorKeys: failed ? [failKey] : [],
      errorBody: failed ? JSON.stringify({ error: failKey }) : null,
      apiKeyFingerprint: shape.keys[i % shape.keys.length] ?? '',
      authScheme: 'bearer',
      accept: 'application/json',
      retryAfter: statusCode === 429 ? '1' : null,
      resendCount: null,
      extraAttributes: null,
    });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
