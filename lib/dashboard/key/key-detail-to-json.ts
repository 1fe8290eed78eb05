// The JSON forms of GET and PATCH /api/v1/keys/{fingerprint}: ISO times, rates as fractions
// (null without calls).
import type { ApiKeyRecord } from '@/lib/db/queries/get-api-key';
import type { KeyDetail } from './get-key-detail';

const iso = (ms: number) => new Date(ms).toISOString();
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function apiKeyToJson(key: ApiKeyRecord) {
  return {
    fingerprint: key.fingerprint,
    label: key.label,
    environment: key.environment,
    firstSeenAt: iso(key.firstSeenMs),
    lastSeenAt: iso(key.lastSeenMs),
  };
}

export function keyDetailToJson(d: KeyDetail) {
  return {
    key: apiKeyToJson(d.key),
    total: d.total,
    errors: d.errors,
    errorRate: rate(d.errors, d.total),
    byStatus: d.byStatus,
    endpoints: d.endpoints.map(({ endpointId, lastSeenMs, ...e }) => ({
      id: endpointId,
      ...e,
      errorRate: rate(e.errors, e.total),
      lastSeenAt: iso(lastSeenMs),
    })),
    services: d.services.map((s) => ({ ...s, errorRate: rate(s.errors, s.total) })),
  };
}

export type KeyDetailJson = ReturnType<typeof keyDetailToJson>;
