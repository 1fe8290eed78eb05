// Concurrent OTLP/HTTP senders for the ingest benchmark: each takes the next body from a shared
// queue and POSTs it to /v1/traces over Node's keep-alive fetch (undici), timing every request.
import type { ExportBody } from './make-export-batches';

export interface SendResult {
  seconds: number;
  spans: number;
  latenciesMs: number[];
  /** status → count; the benchmark expects only 200. */
  statuses: Record<string, number>;
  firstFailure: string | null;
}

const contentTypes = { protobuf: 'application/x-protobuf', json: 'application/json' } as const;

export function headersFor(body: ExportBody, token: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentTypes[body.format], Authorization: `Bearer ${token}` };
  if (body.gzip) headers['Content-Encoding'] = 'gzip';
  return headers;
}

export async function sendConcurrently(url: string, token: string, bodies: readonly ExportBody[], senders: number): Promise<SendResult> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let firstFailure: string | null = null;
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const body = bodies[i]!;
        const start = performance.now();
        const res = await fetch(url, { method: 'POST', headers: headersFor(body, token), body: body.bytes as Uint8Array<ArrayBuffer> });
        const text = await res.arrayBuffer();
        latenciesMs.push(performance.now() - start);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== 200 && firstFailure === null) {
          firstFailure = `${res.status} ${body.format}${body.gzip ? '+gzip' : ''}: ${Buffer.from(text).toString('utf8').slice(0, 300)}`;
        }
      }
    }),
  );
  return {
    seconds: (performance.now() - t) / 1000,
    spans: bodies.reduce((n, b) => n + b.spans, 0),
    latenciesMs,
    statuses,
    firstFailure,
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
