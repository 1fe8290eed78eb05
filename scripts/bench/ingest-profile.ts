// Where an ingest request's time goes, measured in-process on the benchmark's own batches with
// the server's own functions, one batch after another: decode (gunzip + decodeExport), classify
// (classifySpan per span, as classifyExport does) and write (saveRequestBatch: the one transaction
// with requests, error keys, rollups, endpoints, keys and ingest counters).
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { classifySpan } from '@/lib/classify/classify-span';
import type { Database } from '@/lib/db/client';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import type { DecodedExport } from '@/lib/otlp/decoded-span';
import { decodeExport } from '@/lib/otlp/decode-export';
import { decompressBody } from '@/lib/otlp/read-body';
import type { ExportBody } from './make-export-batches';

const maxBytes = 16 * 1024 * 1024;

export interface StageTimes {
  decodeMs: number;
  classifyMs: number;
  writeMs: number;
}

export interface DecodedBatch {
  decoded: DecodedExport;
  requests: ClassifiedRequest[];
}

/** Decodes and classifies every body exactly as the route does, timing the two stages. */
export async function decodeAndClassify(
  bodies: readonly ExportBody[],
): Promise<{ batches: DecodedBatch[]; times: Omit<StageTimes, 'writeMs'>; decodeMsPerBatch: Record<string, number> }> {
  let decodeMs = 0;
  let classifyMs = 0;
  const byFormat: Record<string, { ms: number; n: number }> = {};
  const batches: DecodedBatch[] = [];
  for (const body of bodies) {
    let t = performance.now();
    const raw = await decompressBody(body.bytes, body.gzip ? 'gzip' : null, maxBytes);
    const decoded = decodeExport(body.format, raw);
    const ms = performance.now() - t;
    decodeMs += ms;
    const kind = `${body.format}${body.gzip ? '+gzip' : ''}`;
    byFormat[kind] = { ms: (byFormat[kind]?.ms ?? 0) + ms, n: (byFormat[kind]?.n ?? 0) + 1 };
    t = performance.now();
    const requests: ClassifiedRequest[] = [];
    for (const span of decoded.spans) {
      const c = classifySpan(span, { extraAttributeNames: [] });
      if (c.kind === 'request') requests.push(c.request);
    }
    classifyMs += performance.now() - t;
    batches.push({ decoded, requests });
  }
  const decodeMsPerBatch = Object.fromEntries(Object.entries(byFormat).map(([k, v]) => [k, +(v.ms / v.n).toFixed(2)]));
  return { batches, times: { decodeMs, classifyMs }, decodeMsPerBatch };
}

/** Writes every batch with the server's write path, one after another; returns the total time. */
export async function timeWrites(db: Database, batches: readonly DecodedBatch[]): Promise<number> {
  let writeMs = 0;
  for (const { decoded, requests } of batches) {
    const t = performance.now();
    const tally = { received: decoded.spans.length, ignored: decoded.spans.length - requests.length, rejected: decoded.rejectedSpans };
    await saveRequestBatch(db, requests, tally, Date.now());
    writeMs += performance.now() - t;
  }
  return writeMs;
}

export interface StageProfile {
  batches: number;
  /** Milliseconds per batch for each stage. */
  perBatchMs: StageTimes;
  /** Each stage's share of decode + classify + write. */
  shares: StageTimes;
}

export function stageProfile(batches: number, times: StageTimes): StageProfile {
  const total = times.decodeMs + times.classifyMs + times.writeMs;
  const per = (ms: number) => +(ms / batches).toFixed(2);
  const share = (ms: number) => +(ms / total).toFixed(3);
  return {
    batches,
    perBatchMs: { decodeMs: per(times.decodeMs), classifyMs: per(times.classifyMs), writeMs: per(times.writeMs) },
    shares: { decodeMs: share(times.decodeMs), classifyMs: share(times.classifyMs), writeMs: share(times.writeMs) },
  };
}
