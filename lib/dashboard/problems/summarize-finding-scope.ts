// A finding's scope in one short line for compact lists (the overview's top problems):
// "cdr-export · fp_3b9d… · GET host/api/v4/cdr", or "… · 3 endpoints" when it spans several.
import type { Finding } from '@/lib/diagnose/finding';

export function summarizeFindingScope(finding: Pick<Finding, 'scope'>): string {
  const { scope } = finding;
  const parts: string[] = [];
  if (scope.service !== undefined) parts.push(scope.service);
  if (scope.key !== undefined) parts.push(scope.key === '' ? 'no key' : scope.key);
  const endpoints = scope.endpointIds?.length ?? (scope.endpointId ? 1 : 0);
  if (endpoints > 1) parts.push(`${endpoints} endpoints${scope.host ? ` on ${scope.host}` : ''}`);
  else if (scope.endpoint) parts.push(scope.endpoint);
  else if (scope.host) parts.push(scope.host);
  return parts.join(' · ');
}
