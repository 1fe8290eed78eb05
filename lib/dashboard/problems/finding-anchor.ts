// A finding's fragment id (e.g. "auth-wrong-scheme-3f9a1c07"): stable while the finding's code
// and scope stay the same, so the overview can link to it on /problems across refreshes.
import type { Finding } from '@/lib/diagnose/finding';

// FNV-1a: short, dependency-free, and collisions only cost a wrong scroll position.
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function findingAnchor(finding: Pick<Finding, 'code' | 'status' | 'scope'>): string {
  const { scope } = finding;
  const identity = [
    finding.code,
    finding.status,
    scope.service ?? '',
    scope.key ?? '',
    scope.endpointId ?? '',
    (scope.endpointIds ?? []).join(','),
    scope.host ?? '',
  ].join('\u0000');
  return `${finding.code.replace(/[^a-z0-9]+/gi, '-')}-${hash32(identity)}`;
}
