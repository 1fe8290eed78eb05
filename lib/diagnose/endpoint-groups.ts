// The rollup groups joined with their endpoint (method, host, route), which most rules need to
// reason per host or per route. Groups of an endpoint the endpoints table does not know are left
// out (it is written in the same transaction, so that only happens mid-deletion).
import type { CallGroup, DiagnosisEvidence, EndpointInfo } from './diagnosis-evidence';

export interface EndpointGroup extends CallGroup {
  endpoint: EndpointInfo;
}

const cache = new WeakMap<DiagnosisEvidence, EndpointGroup[]>();

export function endpointGroups(evidence: DiagnosisEvidence): EndpointGroup[] {
  const cached = cache.get(evidence);
  if (cached) return cached;
  const out: EndpointGroup[] = [];
  for (const g of evidence.groups) {
    const endpoint = evidence.endpoints.get(g.endpointId);
    if (endpoint) out.push({ ...g, endpoint });
  }
  cache.set(evidence, out);
  return out;
}
