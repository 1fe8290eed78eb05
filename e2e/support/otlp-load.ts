// Load for the durability specs: OTLP export requests whose spans share one unique trace id
// (so "was this request stored?" is one lookup), sent by concurrent senders that record every
// answer. Only a 200 acknowledges a request; errors and other statuses are just counted.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { e2eTokens } from '../../playwright.config';
import { encodeJsonExport, encodeProtobufExport } from '../../lib/testing/otlp-fuzz-seeds';

export type Format = 'protobuf' | 'json';

const statuses = [200, 200, 200, 201, 401, 403, 404, 422, 429, 503];
const paths = ['/api/v4/users', '/api/v4/cdr/{n}', '/api/v4/contacts', '/api/v4/campaigns/{n}/start'];

/** An export request of `spans` HTTP client spans, all in trace `traceId`. */
export function exportBody(format: Format, traceId: string, spans: number): Uint8Array {
  const now = BigInt(Date.now()) * 1_000_000n;
  const str = (stringValue: string) => ({ stringValue });
  const request = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: str('durability-e2e') }] },
        scopeSpans: [
          {
            scope: { name: 'durability-e2e' },
            spans: Array.from({ length: spans }, (_, i) => {
              const status = statuses[i % statuses.length] ?? 200;
              const attributes = [
                { key: 'http.request.method', value: str(i % 3 ? 'GET' : 'POST') },
                { key: 'http.response.status_code', value: { intValue: String(status) } },
                { key: 'url.full', value: str(`https://cc1.voiso.com${(paths[i % paths.length] ?? '/').replace('{n}', String(i))}`) },
                { key: 'faultline.api_key.fingerprint', value: str(`fp_load${i % 5}`) },
              ];
              if (status >= 400) attributes.push({ key: 'faultline.error.body', value: str('{"error":"Too many requests"}') });
              return {
                traceId,
                spanId: randomBytes(8).toString('hex'),
                name: 'GET',
                kind: 3,
                startTimeUnixNano: String(now - BigInt(i) * 1_000_000n),
                endTimeUnixNano: String(now - BigInt(i) * 1_000_000n + 20_000_000n),
                attributes,
              };
            }),
          },
        ],
      },
    ],
  };
  return format === 'protobuf' ? encodeProtobufExport(request) : encodeJsonExport(request);
}

const markerTraceId = 'f1'.repeat(16);

/**
 * exportBody for a fresh trace id, cheaply: one body is built per (format, size) and only its
 * trace id bytes are rewritten, so a sender can offer far more than the server takes.
 */
export function bodyFactory(format: Format, spans: number): (traceId: string) => Uint8Array {
  const template = Buffer.from(exportBody(format, markerTraceId, spans));
  const marker = format === 'protobuf' ? Buffer.from(markerTraceId, 'hex') : Buffer.from(markerTraceId);
  const offsets: number[] = [];
  for (let at = template.indexOf(marker); at >= 0; at = template.indexOf(marker, at + marker.length)) offsets.push(at);
  return (traceId) => {
    const body = Buffer.from(template);
    const id = format === 'protobuf' ? Buffer.from(traceId, 'hex') : Buffer.from(traceId);
    for (const at of offsets) id.copy(body, at);
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  };
}

/** One template per format: the same (format, trace id) always gives the very same request. */
export type Bodies = Record<Format, (traceId: string) => Uint8Array>;

export function bodiesOf(spans: number): Bodies {
  return { protobuf: bodyFactory('protobuf', spans), json: bodyFactory('json', spans) };
}

export interface Answer {
  traceId: string;
  format: Format;
  /** HTTP status, or 0 when the connection failed or timed out. */
  status: number;
  retryAfter: string | null;
  ms: number;
  error?: string;
}

export async function postExport(base: string, format: Format, body: Uint8Array, traceId: string, timeoutMs = 15_000): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/v1/traces`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${e2eTokens.ingest}`,
        'Content-Type': format === 'protobuf' ? 'application/x-protobuf' : 'application/json',
      },
      body: body as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { traceId, format, status: res.status, retryAfter: res.headers.get('retry-after'), ms: performance.now() - started };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { traceId, format, status: 0, retryAfter: null, ms: performance.now() - started, error: cause ?? (err as Error).name };
  }
}

/**
 * `senders` loops, each posting one request at a time until `running()` is false, every
 * request a fresh trace id; formats alternate. Returns every answer.
 */
export async function runSenders(
  base: string,
  options: { senders: number; spans: number; running: () => boolean; timeoutMs?: number; bodies?: Bodies },
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const bodies = options.bodies ?? bodiesOf(options.spans);
  const loop = async (sender: number) => {
    for (let n = 0; options.running(); n += 1) {
      const format: Format = (sender + n) % 2 === 0 ? 'protobuf' : 'json';
      const traceId = randomBytes(16).toString('hex');
      const answer = await postExport(base, format, bodies[format](traceId), traceId, options.timeoutMs);
      answers.push(answer);
      // A server that is down refuses at once: do not spin.
      if (answer.status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all(Array.from({ length: options.senders }, (_, i) => loop(i)));
  return answers;
}

/** postExport over a node:http agent: keep-alive connections, as the OTLP exporters keep them. */
function postExportOver(agent: http.Agent, base: string, format: Format, body: Uint8Array, traceId: string, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  const url = new URL('/v1/traces', base);
  return new Promise((resolve) => {
    const done = (status: number, retryAfter: string | null, error?: string) =>
      resolve({ traceId, format, status, retryAfter, ms: performance.now() - started, ...(error ? { error } : {}) });
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: timeoutMs,
        headers: {
          Authorization: `Bearer ${e2eTokens.ingest}`,
          'Content-Type': format === 'protobuf' ? 'application/x-protobuf' : 'application/json',
          'Content-Length': body.byteLength,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0, (res.headers['retry-after'] as string | undefined) ?? null));
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TimeoutError' })));
    request.on('error', (err: NodeJS.ErrnoException) => done(0, null, err.code ?? err.name));
    request.end(body);
  });
}

/**
 * Open-loop load: starts a request every 1/ratePerS seconds whatever the answers, as a fleet of
 * clients would, so the offered rate does not drop when the server slows down (closed-loop
 * senders only offer as fast as they are answered). Over `connections` keep-alive connections,
 * as a fleet of exporters holds them (requests wait for a free one on the client side). At most
 * `maxOutstanding` requests at once; those that could not start are counted in `notStarted`.
 */
export async function runOpenLoop(
  base: string,
  options: { ratePerS: number; ms: number; spans: number; connections: number; maxOutstanding: number; timeoutMs?: number },
): Promise<{ answers: Answer[]; started: number; notStarted: number; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const bodies = bodiesOf(options.spans);
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  let started = 0;
  let notStarted = 0;
  const t0 = performance.now();
  for (let due = 0; due < options.ms; due += 1000 / options.ratePerS) {
    const wait = due - (performance.now() - t0);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (pending.size >= options.maxOutstanding) {
      notStarted += 1;
      continue;
    }
    const format: Format = started % 2 === 0 ? 'protobuf' : 'json';
    const traceId = randomBytes(16).toString('hex');
    started += 1;
    const request = postExportOver(agent, base, format, bodies[format](traceId), traceId, options.timeoutMs ?? 15_000).then((answer) => {
      answers.push(answer);
      pending.delete(request);
    });
    pending.add(request);
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(pending);
  agent.destroy();
  return { answers, started, notStarted, seconds };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}
