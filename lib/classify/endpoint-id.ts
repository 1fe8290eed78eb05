// The stable short id of an endpoint (method + host + route), used as a storage and URL key.
import { createHash } from 'node:crypto';

/**
 * First 16 hex characters (64 bits) of SHA-256 over `${method} ${host}${route}`.
 * Content-derived rather than allocated, so every ingest process agrees without coordination.
 */
export function endpointId(method: string, host: string, route: string): string {
  return createHash('sha256').update(`${method} ${host}${route}`, 'utf8').digest('hex').slice(0, 16);
}
