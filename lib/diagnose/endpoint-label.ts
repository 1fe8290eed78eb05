// How a finding names an endpoint: "POST api.example.com/api/v4/campaigns".
import type { EndpointInfo } from './diagnosis-evidence';

export function endpointLabel(endpoint: Pick<EndpointInfo, 'method' | 'host' | 'route'>): string {
  return `${endpoint.method} ${endpoint.host}${endpoint.route}`;
}

/** "GET h/api/v4/cdr, GET h/api/v4/users and 2 more", for facts that name several endpoints. */
export function endpointList(endpoints: ReadonlyMap<string, Pick<EndpointInfo, 'method' | 'host' | 'route'>>, ids: readonly string[], max = 3): string {
  const labels = ids.flatMap((id) => {
    const e = endpoints.get(id);
    return e ? [endpointLabel(e)] : [];
  });
  if (labels.length <= max) return labels.join(', ');
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}
