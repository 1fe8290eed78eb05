// The /alerts form's preview: the rule's metric over recent rollups, with keys and endpoints
// named as the rest of the dashboard names them.
import { labelAlertInstances } from '@/lib/alerts/label-alert-instances';
import { alertPreviewRequestSchema } from '@/lib/alerts/schemas/alert-preview-request-schema';
import type { Database } from '@/lib/db/client';
import { getAlertPreviewBuckets } from '@/lib/db/queries/get-alert-preview-buckets';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';
import { keyDisplayName } from '../key-display-name';
import { type AlertPreview, alertPreviewRange, prepareAlertPreview } from './prepare-alert-preview';

export type AlertPreviewResult = { ok: true; preview: AlertPreview } | { ok: false; message: string };

export async function loadAlertPreview(db: Database, input: unknown, nowMs: number): Promise<AlertPreviewResult> {
  const parsed = alertPreviewRequestSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, message: `No preview until the ${first?.path.join('.') || 'rule'} is valid: ${first?.message ?? 'invalid input'}.` };
  }
  const rule = parsed.data;
  const range = alertPreviewRange(rule.windowSeconds, nowMs);
  const filter: RollupFilter = { fromMinute: range.fromMinute, toMinute: range.toMinute };
  const { service, environment, endpoint, key, each } = rule.scope;
  if (service !== undefined) filter.service = service;
  if (environment !== undefined) filter.environment = environment;
  if (endpoint !== undefined) filter.endpoint = endpoint;
  if (key !== undefined) filter.key = key;
  const rows = await getAlertPreviewBuckets(db, filter, { stepMinutes: range.stepMinutes, each });
  const preview = prepareAlertPreview(rows, rule, range);
  await nameInstances(db, preview, each);
  return { ok: true, preview };
}

async function nameInstances(db: Database, preview: AlertPreview, each: 'key' | 'endpoint' | undefined): Promise<void> {
  if (!each) return;
  const labels = await labelAlertInstances(db, each, preview.series.map((s) => s.instanceKey));
  for (const s of preview.series) {
    s.label = labels.get(s.instanceKey) ?? (each === 'key' ? keyDisplayName({ fingerprint: s.instanceKey, label: null }) : s.instanceKey);
  }
}
