// A real HTTP server standing in for alert webhooks: records every request (path, query,
// headers, body, arrival time) and answers as told per path: a sequence of statuses, or never.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  /** The query string, without '?' ('' when none). */
  query: string;
  method: string;
  contentType: string | undefined;
  body: string;
  /** performance.now() when the request arrived. */
  arrivedAt: number;
}

export interface WebhookReceiver {
  /** The receiver's URL for a path (which may carry a query string). */
  url(pathAndQuery: string): string;
  requests: ReceivedWebhook[];
  /** Requests to one path, in arrival order. */
  received(path: string): ReceivedWebhook[];
  /** The next requests to `path` get these statuses, in order; then 200 again. */
  answer(path: string, statuses: number[]): void;
  /** Requests to `path` are read and never answered. */
  hang(path: string): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const scripted = new Map<string, number[]>();
  const hanging = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://receiver');
    requests.push({
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      method: req.method ?? '',
      contentType: req.headers['content-type'],
      body: Buffer.concat(chunks).toString('utf8'),
      arrivedAt: performance.now(),
    });
    if (hanging.has(url.pathname)) return;
    const status = scripted.get(url.pathname)?.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status < 300 ? 'ok' : 'nope');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathAndQuery) => `http://127.0.0.1:${port}${pathAndQuery}`,
    requests,
    received: (path) => requests.filter((r) => r.path === path),
    answer: (path, statuses) => scripted.set(path, [...statuses]),
    hang: (path) => hanging.add(path),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
