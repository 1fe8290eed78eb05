// How the alert pages and API name an instance: the key's label or fingerprint ("No key" for
// calls without one), the endpoint's "METHOD host/route", or the rule's whole scope.
import type { AlertInstanceNames } from '@/lib/db/queries/alert-instance-names';
import { keyDisplayName } from '@/lib/dashboard/key-display-name';
import { endpointLabel } from '@/lib/diagnose/endpoint-label';
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';

export type AlertInstanceKind = 'scope' | 'key' | 'endpoint';

type Scope = AlertRuleDefinition['scope'];

/** The scope of a stored definition; {} when it cannot be read (the label then says "All calls"). */
export function scopeOfDefinition(definition: string): Scope {
  try {
    const parsed = JSON.parse(definition) as { scope?: Scope };
    return parsed.scope && typeof parsed.scope === 'object' ? parsed.scope : {};
  } catch {
    return {};
  }
}

export function alertInstanceKind(scope: Scope): AlertInstanceKind {
  return scope.each ?? 'scope';
}

export function alertInstanceLabel(scope: Scope, instanceKey: string, names: Pick<AlertInstanceNames, 'keyLabel' | 'endpoint'>): string {
  if (scope.each === 'key') return keyDisplayName({ fingerprint: instanceKey, label: names.keyLabel });
  if (scope.each === 'endpoint') return names.endpoint ? endpointLabel(names.endpoint) : instanceKey;
  const parts: string[] = [];
  if (scope.service !== undefined) parts.push(`service ${scope.service}`);
  if (scope.environment !== undefined) parts.push(`environment ${scope.environment === '' ? '(none)' : scope.environment}`);
  if (scope.endpoint !== undefined) parts.push(`endpoint ${names.endpoint ? endpointLabel(names.endpoint) : scope.endpoint}`);
  if (scope.key !== undefined) parts.push(`key ${names.keyLabel ?? scope.key}`);
  return parts.length ? parts.join(' · ') : 'All calls';
}
