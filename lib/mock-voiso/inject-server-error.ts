// Failure injection: the 500 / 502 / 503 forced by X-Mock-Fail, or drawn at the configured rate.
import { errorResponse, type MockResponse } from './mock-response';

const reasons: Readonly<Record<string, string>> = {
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
};
const injectable = ['500', '502', '503'] as const;

function serverError(status: string): MockResponse {
  const response = errorResponse(Number(status), reasons[status] ?? 'Internal Server Error');
  // A 503 tells well-behaved clients when to come back; the others leave retrying to them.
  if (status === '503') response.headers['retry-after'] = '1';
  return response;
}

/** Null when the request should be served normally. Other X-Mock-Fail values are ignored. */
export function injectServerError(
  forcedStatus: string | undefined,
  serverErrorRate: number,
  random: () => number,
): MockResponse | null {
  const forced = forcedStatus?.trim();
  if (forced !== undefined && Object.hasOwn(reasons, forced)) return serverError(forced);
  // Draw only when enabled, so a seeded random sequence is not consumed by a healthy mock.
  if (serverErrorRate <= 0 || random() >= serverErrorRate) return null;
  const pick = injectable[Math.min(injectable.length - 1, Math.floor(random() * injectable.length))];
  return serverError(pick ?? '500');
}
