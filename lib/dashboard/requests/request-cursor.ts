// The opaque `cursor` of the request explorer and /api/v1/requests: base64url of the last
// call's (startMs, id). Decoding is strict, so a tampered cursor is refused, never guessed at.
import type { RequestCursor } from '@/lib/db/queries/list-requests';

const maxLength = 120;
// requests.id is a 32-bit integer on PostgreSQL; a larger id would fail there, not just miss.
const maxId = 2_147_483_647;

export function encodeRequestCursor(cursor: RequestCursor): string {
  return Buffer.from(JSON.stringify({ startMs: cursor.startMs, id: cursor.id }), 'utf8').toString('base64url');
}

/** The cursor a string encodes, or null when it is not one this module wrote. */
export function decodeRequestCursor(text: string): RequestCursor | null {
  // Buffer.from skips characters outside the alphabet, so check the alphabet first.
  if (text.length === 0 || text.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { startMs, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (!Number.isSafeInteger(startMs) || (startMs as number) < 0) return null;
  if (!Number.isSafeInteger(id) || (id as number) < 1 || (id as number) > maxId) return null;
  const cursor = { startMs: startMs as number, id: id as number };
  // Only the canonical spelling is accepted: the same position has exactly one cursor.
  return encodeRequestCursor(cursor) === text ? cursor : null;
}
