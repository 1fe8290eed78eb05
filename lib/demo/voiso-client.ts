// The demo applications' API client: what a team's own code does to call Voiso, with fetch or
// with node:http, including the bugs the personas have (wrong scheme, no key, wrong Accept).
import http from 'node:http';
import type { ClusterId } from '@/lib/mock-voiso/voiso-clusters';

export type DemoAuth = { scheme: 'bearer'; key: string } | { scheme: 'token'; key: string } | { scheme: 'none' };

export interface VoisoRequest {
  cluster: ClusterId;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path with query, e.g. `/api/v4/cdr?per_page=50`. */
  path: string;
  auth: DemoAuth;
  accept?: string;
  body?: unknown;
  /** Extra request headers (the mock's X-Mock-Fail, to play a provider outage). */
  headers?: Record<string, string>;
}

export interface VoisoReply {
  status: number;
  /** Parsed JSON, the text of other bodies, or null when empty. */
  body: unknown;
  /** Seconds from `Retry-After`, when the response had one. */
  retryAfterSeconds: number | null;
}

export type Transport = 'fetch' | 'http';

export class VoisoClient {
  constructor(
    private readonly clusterUrls: Readonly<Record<ClusterId, string>>,
    private readonly transport: Transport = 'fetch',
  ) {}

  call(request: VoisoRequest): Promise<VoisoReply> {
    const url = new URL(request.path, this.clusterUrls[request.cluster]);
    const headers: Record<string, string> = { ...request.headers, accept: request.accept ?? 'application/json' };
    if (request.auth.scheme === 'bearer') headers.authorization = `Bearer ${request.auth.key}`;
    if (request.auth.scheme === 'token') headers.authorization = `Token ${request.auth.key}`;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const method = request.method ?? 'GET';
    return this.transport === 'fetch' ? callWithFetch(url, method, headers, body) : callWithHttp(url, method, headers, body);
  }
}

function parseBody(text: string, contentType: string | null | undefined): unknown {
  if (text === '') return null;
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseRetryAfter(value: string | null | undefined): number | null {
  const seconds = value ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function callWithFetch(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<VoisoReply> {
  const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(10_000) });
  // The application reads its own body in full, error or not: the instrumentation must not get in the way.
  const text = await response.text();
  return {
    status: response.status,
    body: parseBody(text, response.headers.get('content-type')),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  };
}

function callWithHttp(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<VoisoReply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const retryAfter = response.headers['retry-after'];
        resolve({
          status: response.statusCode ?? 0,
          body: parseBody(text, response.headers['content-type']),
          retryAfterSeconds: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
        });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${url.pathname} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}
