// Builds ClassifiedRequest values for storage and query tests, with unique ids per call.
import { randomBytes } from 'node:crypto';
import type { ClassifiedRequest, StatusClass } from '@/lib/classify/classified-request';

export function makeRequest(overrides: Partial<ClassifiedRequest> = {}): ClassifiedRequest {
  const statusCode = overrides.statusCode ?? 200;
  const statusClass: StatusClass = statusCode === 0 ? 'network' : (`${Math.floor(statusCode / 100)}xx` as StatusClass);
  const isError = statusCode === 0 || statusCode >= 400;
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: null,
    spanName: 'GET',
    startMs: Date.now(),
    durationMs: 42,
    service: 'billing-worker',
    environment: 'production',
    method: 'GET',
    host: 'cc1.voiso.com',
    route: '/api/v4/users',
    endpointId: 'ep00000000000001',
    statusCode,
    statusClass,
    isError,
    errorType: null,
    errorKeys: isError ? ['Unauthorized'] : [],
    errorBody: isError ? '{"error":"Unauthorized"}' : null,
    apiKeyFingerprint: 'fp_test',
    authScheme: 'bearer',
    accept: 'application/json',
    retryAfter: null,
    resendCount: null,
    extraAttributes: null,
    ...overrides,
  };
}
