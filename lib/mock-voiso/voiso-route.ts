// The contract between the request pipeline and the per-resource route handlers.
import type { Action, Resource } from './is-role-allowed';
import type { MockResponse } from './mock-response';
import type { ContactCenterState } from './voiso-records';

export interface RouteContext {
  /** The contact center the cluster serves; handlers mutate it in place. */
  state: ContactCenterState;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text; handlers parse it only after lookups, so 404 and 406 win over 400. */
  body: string;
  nowMs: number;
}

export interface VoisoRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below /api/v4; a segment starting with ':' captures a parameter. */
  path: string;
  resource: Resource;
  action: Action;
  handle(context: RouteContext): MockResponse;
}
