// The stable short id of an endpoint (method + host + route), used as a storage and URL key.
import { createHash } from 'node:crypto';
import { cleanInputMemo } from './clean-input-memo';

function hashPrefix(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

// A batch names a handful of endpoints hundreds of times; hashing each call again was ~15% of
// classifying. The inputs are already-cleaned columns (method, host, route template).
const rememberedHashPrefix = cleanInputMemo(hashPrefix, { maxEntries: 4096, maxInputLength: 2048, keep: () => true });

/**
 * First 16 hex characters (64 bits) of SHA-256 over `${method} ${host}${route}`.
 * Content-derived rather than allocated, so every ingest process agrees without coordination.
 */
export function endpointId(method: string, host: string, route: string): string {
  return rememberedHashPrefix(`${method} ${host}${route}`);
}
