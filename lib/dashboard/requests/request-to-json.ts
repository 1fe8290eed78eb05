// The JSON form of a stored call in /api/v1/requests: times as ISO-8601 strings, every stored
// attribute under its API name, nothing else.
import type { StoredRequest } from '@/lib/db/queries/stored-request';

/** Every field of StoredRequest, the two times as ISO-8601 strings instead of milliseconds. */
export type RequestJson = Omit<StoredRequest, 'startMs' | 'receivedMs'> & { startedAt: string; receivedAt: string };

export function requestToJson(r: StoredRequest): RequestJson {
  const { startMs, receivedMs, ...rest } = r;
  return {
    ...rest,
    startedAt: new Date(startMs).toISOString(),
    receivedAt: new Date(receivedMs).toISOString(),
  };
}
