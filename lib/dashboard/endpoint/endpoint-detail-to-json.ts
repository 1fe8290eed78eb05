// The JSON form of an endpoint's detail in GET /api/v1/endpoints/{id}: ISO times, rates as
// fractions (null without calls), 422 error keys split into field and message.
import type { EndpointDetail } from './get-endpoint-detail';
import { splitErrorKey } from './split-error-key';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function endpointDetailToJson(d: EndpointDetail) {
  const { endpoint, latency } = d;
  return {
    endpoint: {
      id: endpoint.id,
      method: endpoint.method,
      host: endpoint.host,
      route: endpoint.route,
      firstSeenAt: iso(endpoint.firstSeenMs),
      lastSeenAt: iso(endpoint.lastSeenMs),
    },
    total: d.total,
    errors: d.errors,
    errorRate: rate(d.errors, d.total),
    byStatus: d.byStatus,
    errorKeys: d.errorKeys.map((k) => ({
      status: k.statusCode === 0 ? 'network' : String(k.statusCode),
      errorKey: k.errorKey,
      ...splitErrorKey(k.statusCode, k.errorKey),
      count: k.count,
      share: rate(k.count, d.errors),
    })),
    keys: d.keys.map(({ firstSeenMs, lastSeenMs, ...k }) => ({
      ...k,
      errorRate: rate(k.errors, k.total),
      firstSeenAt: iso(firstSeenMs),
      lastSeenAt: iso(lastSeenMs),
    })),
    latency: {
      calls: latency.calls,
      p50: latency.p50,
      p95: latency.p95,
      meanMs: latency.meanMs,
      maxMs: latency.maxMs,
      histogram: latency.buckets.map((b) => ({ ...b.range, count: b.count })),
    },
  };
}

export type EndpointDetailJson = ReturnType<typeof endpointDetailToJson>;
