// What the 404 rules compare a failing path with: which hosts, endpoints, routes and API versions
// anyone called successfully in the range.
import { apiVersionOf } from './api-version';
import type { DiagnosisEvidence, EndpointInfo } from './diagnosis-evidence';
import { endpointGroups } from './endpoint-groups';
import { isSuccess } from './status-kind';

/** The version assumed current where nothing versioned succeeds: the API Faultline targets first (Voiso v4). */
export const defaultApiVersion = 4;

export interface NotFoundContext {
  okByHost: Map<string, number>;
  okByEndpoint: Map<string, number>;
  /** Successes per "host route", any method. */
  okByRoute: Map<string, number>;
  versionsByHost: Map<string, Set<number>>;
}

const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

export function notFoundContext(evidence: DiagnosisEvidence): NotFoundContext {
  const ctx: NotFoundContext = { okByHost: new Map(), okByEndpoint: new Map(), okByRoute: new Map(), versionsByHost: new Map() };
  for (const g of endpointGroups(evidence)) {
    if (!isSuccess(g.statusCode)) continue;
    const { host, route } = g.endpoint;
    bump(ctx.okByHost, host, g.calls);
    bump(ctx.okByEndpoint, g.endpointId, g.calls);
    bump(ctx.okByRoute, `${host} ${route}`, g.calls);
    const version = apiVersionOf(route);
    if (version !== null) ctx.versionsByHost.set(host, (ctx.versionsByHost.get(host) ?? new Set()).add(version));
  }
  return ctx;
}

/** The endpoint's API version and the ones that work on its host, when it names another one. */
export function wrongVersionOf(ctx: NotFoundContext, endpoint: EndpointInfo): { version: number; working: number[] } | null {
  const version = apiVersionOf(endpoint.route);
  if (version === null) return null;
  const working = [...(ctx.versionsByHost.get(endpoint.host) ?? new Set([defaultApiVersion]))].sort((a, b) => a - b);
  return working.includes(version) ? null : { version, working };
}

export function isTemplated(route: string): boolean {
  return route.includes('{');
}

/**
 * The collections and items above a route (`/api/v4/cdr/{id}/transcript` → `/api/v4/cdr`,
 * `/api/v4/cdr/{id}`), stopping before the bare API prefix (`/api/v4`).
 */
export function ancestorRoutes(route: string): string[] {
  const segments = route.split('/').filter(Boolean);
  const versionAt = segments.findIndex((s) => apiVersionOf(`/${s}`) !== null);
  const minLength = versionAt >= 0 ? versionAt + 2 : 1;
  const out: string[] = [];
  for (let n = minLength; n < segments.length; n += 1) out.push(`/${segments.slice(0, n).join('/')}`);
  return out;
}

/** Successes on the route with other methods and on the routes above it, on the same host. */
export function relatedSuccesses(ctx: NotFoundContext, endpoint: EndpointInfo): number {
  const sameRoute = (ctx.okByRoute.get(`${endpoint.host} ${endpoint.route}`) ?? 0) - (ctx.okByEndpoint.get(endpoint.id) ?? 0);
  return ancestorRoutes(endpoint.route).reduce((n, r) => n + (ctx.okByRoute.get(`${endpoint.host} ${r}`) ?? 0), sameRoute);
}
