// The request pipeline of one cluster, in the documented order of checks, as a function of state and clock.
import type { VoisoDirectory } from './create-voiso-directory';
import type { KeyGrant } from './demo-keys';
import { injectServerError } from './inject-server-error';
import { isRoleAllowed } from './is-role-allowed';
import { matchVoisoRoute } from './match-voiso-route';
import { errorResponse, type MockResponse, notFound } from './mock-response';
import { type ClusterId, voisoClusters } from './voiso-clusters';

export interface MockRequest {
  cluster: ClusterId;
  method: string;
  /** The path without its query string, not percent-decoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body text ('' when none). */
  body: string;
}

export interface MockClock {
  /** Milliseconds, for the token buckets and record timestamps. */
  now(): number;
  /** [0, 1), for failure injection. */
  random(): number;
}

const apiPrefix = '/api/v4';
// Exactly "Bearer <token>": other schemes, a bare "Bearer" or extra words are all 401.
const bearer = /^Bearer ([^\s]+)$/;

function withHeaders(response: MockResponse, headers: Record<string, string>): MockResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

export function handleVoisoRequest(directory: VoisoDirectory, request: MockRequest, clock: MockClock): MockResponse {
  // Wrong version or no API at all: 404 before auth, as the reference's "/api/v1" example shows.
  if (!request.path.startsWith(`${apiPrefix}/`)) return notFound();

  const cluster = voisoClusters[request.cluster];
  const token = bearer.exec(request.headers.authorization ?? '')?.[1];
  const grant = token === undefined ? undefined : directory.keysByEnvironment[cluster.environment].get(token);
  if (token === undefined || grant === undefined || directory.revokedKeys.has(token)) {
    return errorResponse(401, 'Unauthorized');
  }

  const nowMs = clock.now();
  const take = directory.rateLimiter.take(token, nowMs);
  const rateHeaders = {
    'x-ratelimit-limit': String(directory.rateLimiter.config.capacity),
    'x-ratelimit-remaining': String(take.remaining),
  };
  if (!take.allowed) {
    return withHeaders(errorResponse(429, 'Too many requests'), {
      ...rateHeaders,
      'retry-after': String(take.retryAfterSeconds),
    });
  }
  return withHeaders(handleAuthenticated(directory, request, clock, grant, nowMs), rateHeaders);
}

function handleAuthenticated(
  directory: VoisoDirectory,
  request: MockRequest,
  clock: MockClock,
  grant: KeyGrant,
  nowMs: number,
): MockResponse {
  const cluster = voisoClusters[request.cluster];
  // A sibling contact center's key is valid here but may touch nothing, known routes or not.
  if (grant.contactCenter !== cluster.contactCenter) return errorResponse(403, 'Forbidden');

  const injected = injectServerError(request.headers['x-mock-fail'], directory.serverErrorRate, clock.random);
  if (injected) return injected;

  const match = matchVoisoRoute(request.method, request.path.slice(apiPrefix.length));
  if (!match) return notFound();
  if (!isRoleAllowed(grant.role, match.route.resource, match.route.action)) return errorResponse(403, 'Forbidden');

  return match.route.handle({
    state: directory.contactCenters[cluster.contactCenter],
    params: match.params,
    query: request.query,
    headers: request.headers,
    body: request.body,
    nowMs,
  });
}
