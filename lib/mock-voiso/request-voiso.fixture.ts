// Test helper: one HTTP call to a running mock cluster with Node's fetch, body read and JSON parsed.
import type { ClusterId, VoisoMock } from './start-voiso-mock';

export interface VoisoCall {
  /** Raw key sent as "Bearer <key>"; omit for no Authorization header. */
  key?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface VoisoReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export async function requestVoiso(
  mock: VoisoMock,
  cluster: ClusterId,
  path: string,
  call: VoisoCall = {},
): Promise<VoisoReply> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.key !== undefined) headers.authorization = `Bearer ${call.key}`;
  const response = await fetch(`${mock.clusters[cluster].url}${path}`, {
    method: call.method ?? 'GET',
    headers,
    body: call.body,
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, headers: response.headers, text, json: isJson ? JSON.parse(text) : undefined };
}

/** A rate limit no conformance test reaches, so only the 429 tests see 429s. */
export const generousRateLimit = { capacity: 10_000, refillPerSecond: 10_000 } as const;

export const jsonType = 'application/json; charset=utf-8';
