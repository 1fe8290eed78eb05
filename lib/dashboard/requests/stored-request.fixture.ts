// A stored call for unit tests of the explorer's pure functions; override what a test is about.
import type { StoredRequest } from '@/lib/db/queries/stored-request';

export function storedRequest(overrides: Partial<StoredRequest> = {}): StoredRequest {
  return {
    id: 42,
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    parentSpanId: null,
    spanName: 'GET',
    startMs: Date.parse('2026-01-10T08:00:01.234Z'),
    durationMs: 42.4,
    service: 'billing-worker',
    environment: 'production',
    endpointId: 'ep00000000000001',
    method: 'GET',
    host: 'cc1.voiso.com',
    route: '/api/v4/users',
    statusCode: 429,
    statusClass: '4xx',
    errorType: null,
    errorKey: 'Too many requests',
    errorKeys: ['Too many requests'],
    errorBody: '{"error":"Too many requests"}',
    apiKeyFingerprint: 'fp_77d1e0aa',
    apiKeyLabel: null,
    authScheme: 'bearer',
    accept: 'application/json',
    retryAfter: '30',
    resendCount: 1,
    extraAttributes: null,
    receivedMs: Date.parse('2026-01-10T08:00:03.500Z'),
    ...overrides,
  };
}
