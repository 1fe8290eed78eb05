// One key's calls on one API host, per endpoint: successes, one status, and the total. The
// permission rules read a key's rights from this table.
import type { EndpointGroup } from './endpoint-groups';
import { isSuccess } from './status-kind';

export interface KeyHostEndpoint {
  endpointId: string;
  ok: number;
  /** Calls with the status asked for. */
  failed: number;
  total: number;
}

export interface KeyHost {
  key: string;
  host: string;
  endpoints: KeyHostEndpoint[];
  groups: EndpointGroup[];
}

/** Every (key, host) pair with at least one call of `statusCode`; calls without a key are left out. */
export function keyHostEndpoints(groups: readonly EndpointGroup[], statusCode: number): KeyHost[] {
  const pairs = new Set(groups.filter((g) => g.key !== '' && g.statusCode === statusCode).map((g) => `${g.key}\n${g.endpoint.host}`));
  return [...pairs].sort().map((pair) => {
    const [key = '', host = ''] = pair.split('\n');
    const mine = groups.filter((g) => g.key === key && g.endpoint.host === host);
    const byEndpoint = new Map<string, KeyHostEndpoint>();
    for (const g of mine) {
      const e = byEndpoint.get(g.endpointId) ?? { endpointId: g.endpointId, ok: 0, failed: 0, total: 0 };
      e.total += g.calls;
      if (isSuccess(g.statusCode)) e.ok += g.calls;
      if (g.statusCode === statusCode) e.failed += g.calls;
      byEndpoint.set(g.endpointId, e);
    }
    return { key, host, endpoints: [...byEndpoint.values()].sort((a, b) => a.endpointId.localeCompare(b.endpointId)), groups: mine };
  });
}
