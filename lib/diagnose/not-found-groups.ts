// The 404s per service, key and host, with their endpoints: what each 404 rule starts from.
import type { DiagnosisEvidence } from './diagnosis-evidence';
import { type EndpointGroup, endpointGroups } from './endpoint-groups';

export interface NotFoundGroup {
  service: string;
  key: string;
  host: string;
  groups: EndpointGroup[];
}

export function notFoundGroups(evidence: DiagnosisEvidence): NotFoundGroup[] {
  const out = new Map<string, NotFoundGroup>();
  for (const g of endpointGroups(evidence)) {
    if (g.statusCode !== 404) continue;
    const id = `${g.service}\n${g.key}\n${g.endpoint.host}`;
    const entry = out.get(id) ?? { service: g.service, key: g.key, host: g.endpoint.host, groups: [] };
    entry.groups.push(g);
    out.set(id, entry);
  }
  return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, v]) => v);
}
