// The thin node:http server of one cluster: bytes in, handleVoisoRequest, bytes out; never crashes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VoisoDirectory } from './create-voiso-directory';
import { handleVoisoRequest, type MockClock, type MockRequest } from './handle-voiso-request';
import { errorResponse, type MockResponse } from './mock-response';
import { readRequestBody } from './read-request-body';
import type { ClusterId } from './voiso-clusters';

export interface ClusterServer {
  /** 'http://host:port', no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function toMockRequest(cluster: ClusterId, request: IncomingMessage, body: string): MockRequest {
  // Absolute-form targets ("GET http://host/path", as proxies send) carry the origin in the line.
  const target = (request.url ?? '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('#', 1)[0] ?? '';
  const queryStart = target.indexOf('?');
  const path = queryStart < 0 ? target : target.slice(0, queryStart);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    cluster,
    method: request.method ?? 'GET',
    path: path === '' ? '/' : path,
    query: new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1)),
    headers,
    body,
  };
}

function send(response: ServerResponse, mock: MockResponse): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(mock.status, { ...mock.headers, 'content-length': Buffer.byteLength(mock.body) });
  response.end(mock.body);
}

async function respond(
  cluster: ClusterId,
  directory: VoisoDirectory,
  clock: MockClock,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // Writes to a socket the client already closed surface here; there is nobody left to tell.
  response.on('error', () => {});
  try {
    const body = await readRequestBody(request, maxBodyBytes);
    if (body.kind === 'aborted') {
      response.destroy();
      return;
    }
    if (body.kind === 'too_large') {
      send(response, errorResponse(413, 'Payload Too Large'));
      return;
    }
    send(response, handleVoisoRequest(directory, toMockRequest(cluster, request, body.text), clock));
  } catch {
    // A bug in a handler must cost one request, not the demo; the body reveals nothing.
    send(response, errorResponse(500, 'Internal Server Error'));
  }
}

export function serveVoisoCluster(
  cluster: ClusterId,
  directory: VoisoDirectory,
  clock: MockClock,
  hostname: string,
): Promise<ClusterServer> {
  const server = createServer((request, response) => {
    void respond(cluster, directory, clock, request, response);
  });
  // Malformed request lines or headers never reach the handler; answer them like the API would.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({ error: 'Bad Request' });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, hostname, () => {
      server.off('error', reject);
      // After start-up an 'error' without a listener would take the whole process down.
      server.on('error', () => {});
      const { port } = server.address() as AddressInfo;
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}
