// A real HTTP server that receives OTLP/HTTP exports, keeps the raw bytes (so tests can search
// them for secrets) and decodes them with Faultline's own decoder.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeExport } from '../otlp/decode-export';
import type { DecodedSpan } from '../otlp/decoded-span';

export interface CapturedExport {
  authorization: string | undefined;
  contentType: string | undefined;
  /** The body as received on the wire (before gunzip). */
  rawBytes: Buffer;
  spans: DecodedSpan[];
}

export interface OtlpCaptureServer {
  url: string;
  exports: CapturedExport[];
  spans(): DecodedSpan[];
  /** All bytes received, concatenated, for "the secret appears nowhere" checks. */
  allBytes(): Buffer;
  /** Resolves once `predicate` holds for the spans received so far. */
  waitForSpans(predicate: (spans: DecodedSpan[]) => boolean, timeoutMs?: number): Promise<DecodedSpan[]>;
  close(): Promise<void>;
}

export async function startOtlpCaptureServer(): Promise<OtlpCaptureServer> {
  const exports: CapturedExport[] = [];
  const listeners = new Set<() => void>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(rawBytes) : rawBytes;
    const format = req.headers['content-type']?.includes('json') ? 'json' : 'protobuf';
    const decoded = decodeExport(format, body);
    exports.push({
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      rawBytes,
      spans: decoded.spans,
    });
    // An empty ExportTraceServiceResponse: zero bytes in protobuf, {} in JSON.
    res.writeHead(200, { 'content-type': format === 'json' ? 'application/json' : 'application/x-protobuf' });
    res.end(format === 'json' ? '{}' : undefined);
    for (const listener of listeners) listener();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const spans = () => exports.flatMap((e) => e.spans);
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans,
    allBytes: () => Buffer.concat(exports.map((e) => e.rawBytes)),
    waitForSpans(predicate, timeoutMs = 10_000) {
      if (predicate(spans())) return Promise.resolve(spans());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms; ${spans().length} spans received`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(spans())) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(spans());
        };
        listeners.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
