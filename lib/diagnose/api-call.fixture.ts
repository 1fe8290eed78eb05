// Test support: one outbound API call as ingest would classify it, from what matters to the
// diagnosis (who, where, status, headers), with the provider's error body for its status.
import type { AuthScheme, ClassifiedRequest } from '@/lib/classify/classified-request';
import { endpointId } from '@/lib/classify/endpoint-id';
import { makeRequest } from '@/lib/testing/make-request';

export interface ApiCallSpec {
  service: string;
  /** Key fingerprint; '' for none. */
  key: string;
  at: number;
  status: number;
  method?: string;
  host?: string;
  route?: string;
  environment?: string;
  authScheme?: AuthScheme;
  durationMs?: number;
  accept?: string | null;
  retryAfter?: string | null;
  resendCount?: number | null;
  /** Field errors of a 406, 409 or 422 body. */
  fieldErrors?: Record<string, string[]>;
}

const simpleErrors: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const defaultFieldErrors: Record<number, Record<string, string[]>> = {
  406: { format: ['must be one of: json, vtt, srt, text'] },
  409: { state: ['conflict'] },
  422: { name: ['is missing'] },
};

function errorOf(status: number, fieldErrors?: Record<string, string[]>): { body: string | null; keys: string[] } {
  if (status < 400) return { body: null, keys: [] };
  const fields = fieldErrors ?? defaultFieldErrors[status];
  if (fields) {
    return { body: JSON.stringify({ errors: fields }), keys: Object.entries(fields).flatMap(([f, ms]) => ms.map((m) => `${f}: ${m}`)) };
  }
  const error = simpleErrors[status] ?? `HTTP ${status}`;
  return { body: JSON.stringify({ error }), keys: [error] };
}

export function apiCall(spec: ApiCallSpec): ClassifiedRequest {
  const method = spec.method ?? 'GET';
  const host = spec.host ?? 'acme.voiso.com';
  const route = spec.route ?? '/api/v4/users';
  const { body, keys } = errorOf(spec.status, spec.fieldErrors);
  return makeRequest({
    startMs: spec.at,
    durationMs: spec.durationMs ?? 30,
    service: spec.service,
    environment: spec.environment ?? 'production',
    method,
    spanName: method,
    host,
    route,
    endpointId: endpointId(method, host, route),
    statusCode: spec.status,
    errorKeys: keys,
    errorBody: body,
    apiKeyFingerprint: spec.key,
    authScheme: spec.authScheme ?? (spec.key === '' ? 'none' : 'bearer'),
    accept: spec.accept === undefined ? 'application/json' : spec.accept,
    retryAfter: spec.retryAfter === undefined ? (spec.status === 429 ? '1' : null) : spec.retryAfter,
    resendCount: spec.resendCount ?? null,
  });
}

/** `n` calls `everyMs` apart from `startMs`, each made by `make(atMs, index)`. */
export function every(n: number, startMs: number, everyMs: number, make: (at: number, i: number) => ClassifiedRequest | ClassifiedRequest[]): ClassifiedRequest[] {
  return Array.from({ length: n }, (_, i) => make(startMs + i * everyMs, i)).flat();
}
