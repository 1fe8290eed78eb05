// Links within the request explorer: the view (range, filters, refresh) plus the explorer's
// own parameters, with some changed. Undefined removes a parameter.
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { RequestExplorerParams } from './parse-request-explorer-query';

export type RequestExplorerChanges = { [K in keyof RequestExplorerParams]?: string | undefined };

const order: (keyof RequestExplorerParams)[] = ['status', 'class', 'errorKey', 'failed', 'cursor', 'request'];

export function requestExplorerHref(view: DashboardView, params: RequestExplorerParams, changes: RequestExplorerChanges = {}): string {
  const merged: Record<string, string | undefined> = {};
  for (const name of order) merged[name] = name in changes ? changes[name] : params[name];
  return `/requests${viewQuery(view, merged)}`;
}
