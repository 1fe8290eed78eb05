// What the /alerts form offers to pick from: the services, environments, endpoints and keys
// that sent calls in the last week.
import type { Database } from '@/lib/db/client';
import { listEndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import { listFilterOptions } from '@/lib/db/queries/list-filter-options';
import { listKeyStats } from '@/lib/db/queries/list-key-stats';
import { keyDisplayName } from '../key-display-name';

export interface AlertFormOptions {
  services: string[];
  environments: string[];
  endpoints: { id: string; label: string }[];
  keys: { fingerprint: string; label: string }[];
}

const lookBackMinutes = 7 * 24 * 60;
// Suggestions, not a catalogue: any id or fingerprint can still be typed.
const maxSuggestions = 200;

export async function loadAlertFormOptions(db: Database, nowMs: number): Promise<AlertFormOptions> {
  const toMinute = Math.floor(nowMs / 60_000) + 1;
  const filter = { fromMinute: toMinute - lookBackMinutes, toMinute };
  const [options, endpoints, keys] = await Promise.all([
    listFilterOptions(db, filter.fromMinute, filter.toMinute),
    listEndpointStats(db, filter, { order: 'total', limit: maxSuggestions }),
    listKeyStats(db, filter, { order: 'total', limit: maxSuggestions }),
  ]);
  return {
    services: options.services,
    // '' (calls without an environment) has its own choice in the form.
    environments: options.environments.filter((e) => e !== ''),
    endpoints: endpoints.map((e) => ({ id: e.endpointId, label: `${e.method} ${e.host}${e.route}` })),
    keys: keys.filter((k) => k.fingerprint !== '').map((k) => ({ fingerprint: k.fingerprint, label: keyDisplayName(k) })),
  };
}
