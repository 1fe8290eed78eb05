// Finds the route for a method and a path below /api/v4, capturing its ':' parameters.
import { agentRoutes } from './agent-routes';
import { campaignRoutes } from './campaign-routes';
import { cdrRoutes } from './cdr-routes';
import { contactRoutes } from './contact-routes';
import { userRoutes } from './user-routes';
import type { VoisoRoute } from './voiso-route';

export interface RouteMatch {
  route: VoisoRoute;
  params: Record<string, string>;
}

const routes: readonly VoisoRoute[] = [...userRoutes, ...agentRoutes, ...contactRoutes, ...campaignRoutes, ...cdrRoutes];

function segmentsOf(path: string): string[] {
  return path.split('/').slice(1);
}

function matchPath(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, expected] of pattern.entries()) {
    const actual = segments[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/** `subPath` starts with '/', e.g. '/users/3'; one trailing slash is tolerated. Null is a 404. */
export function matchVoisoRoute(method: string, subPath: string): RouteMatch | null {
  const segments = segmentsOf(subPath.length > 1 && subPath.endsWith('/') ? subPath.slice(0, -1) : subPath);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(segmentsOf(route.path), segments);
    if (params) return { route, params };
  }
  return null;
}
