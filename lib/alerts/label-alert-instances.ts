// Readable names for fanned-out instances in notifications: a key's user-given label, an
// endpoint's "METHOD host/route". Instances without one are named by fingerprint or id.
import type { Database } from '@/lib/db/client';
import { getApiKey } from '@/lib/db/queries/get-api-key';
import { listEndpointsByIds } from '@/lib/db/queries/list-endpoints-by-ids';
import { endpointLabel } from '@/lib/diagnose/endpoint-label';
import type { AlertRuleDefinition } from './schemas/alert-rule-request-schema';

export async function labelAlertInstances(
  db: Database,
  each: AlertRuleDefinition['scope']['each'],
  instanceKeys: readonly string[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (each === 'endpoint') {
    for (const e of await listEndpointsByIds(db, instanceKeys)) labels.set(e.id, endpointLabel(e));
  } else if (each === 'key') {
    // Only the instances being notified, a handful per tick.
    const keys = await Promise.all(instanceKeys.filter((k) => k !== '').map((k) => getApiKey(db, k)));
    for (const key of keys) if (key?.label) labels.set(key.fingerprint, key.label);
  }
  return labels;
}
