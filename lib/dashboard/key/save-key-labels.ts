// Sets an API key's label and environment from untrusted input (the PATCH body or the key
// page's form), validated by the same schema either way.
import { apiKeyLabelsRequestSchema } from '@/lib/api/schemas/api-key-labels-request-schema';
import type { Database } from '@/lib/db/client';
import type { ApiKeyRecord } from '@/lib/db/queries/get-api-key';
import { updateApiKeyLabels } from '@/lib/db/queries/update-api-key-labels';

export type SaveKeyLabelsResult =
  | { ok: true; key: ApiKeyRecord }
  | { ok: false; problem: 'invalid' | 'not_found'; message: string };

export async function saveKeyLabels(db: Database, fingerprint: string, input: unknown): Promise<SaveKeyLabelsResult> {
  const parsed = apiKeyLabelsRequestSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return { ok: false, problem: 'invalid', message: details.join('; ') };
  }
  const key = await updateApiKeyLabels(db, fingerprint, parsed.data);
  if (!key) return { ok: false, problem: 'not_found', message: `No API key with fingerprint "${fingerprint}" has been seen.` };
  return { ok: true, key };
}
