import { gzipSync } from 'node:zlib';
import { threadId as mainThreadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyIngestError } from '@/lib/ingest/otlp-response';
import { type ExportBody, makeExportBatches } from '@/scripts/bench/make-export-batches';
import type { DecodeJob, DecodeOutcome } from './decode-job';
import { type DecodeSlot, decodeInSlot, decodeWorkerBundlePath, openDecodeSlot } from './decode-export-body';
import { createDecodeWorkerPool, type DecodeWorkerPool } from './decode-worker-pool';
import { DecodeWorkerLostError } from './decode-worker-lost-error';
import { runDecodeJob } from './run-decode-job';

const MiB = 1024 * 1024;
// Eight batches: protobuf and JSON, each plain and gzipped (see make-export-batches.ts).
const bodies = makeExportBatches({ batches: 8, spansPerBatch: 64, startMs: Date.UTC(2026, 0, 5, 12), seed: 7 });
const extraAttributeNames = ['http.request.method', 'service.*'];

/** A fresh job per call: the pool transfers (detaches) the body's buffer. */
function jobFor(b: ExportBody, overrides: Partial<DecodeJob> = {}): DecodeJob {
  return { format: b.format, contentEncoding: b.gzip ? 'gzip' : null, body: b.bytes.slice(), maxBytes: 16 * MiB, extraAttributeNames, ...overrides };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the job to fail');
    },
    (err: unknown) => err,
  );
}

function succeeded(outcome: DecodeOutcome) {
  if (!outcome.ok) throw new Error(`decode failed: ${JSON.stringify(outcome.error)}`);
  return outcome;
}

let pool: DecodeWorkerPool | undefined;
let slot: DecodeSlot | undefined;
afterEach(async () => {
  await pool?.close();
  await slot?.pool?.close();
  pool = undefined;
  slot = undefined;
});

describe('decode worker pool', () => {
  it('decodes protobuf, JSON and gzipped bodies in a worker exactly as the request thread does', async () => {
    expect(new Set(bodies.map((b) => `${b.format}/${b.gzip}`)).size).toBe(4);
    pool = createDecodeWorkerPool(decodeWorkerBundlePath(), 2);
    for (const body of bodies) {
      const { classified, threadId } = succeeded(await pool.run(jobFor(body)));
      expect(threadId).not.toBe(mainThreadId);
      expect(classified.requests.length).toBeGreaterThan(0);
      expect(classified).toEqual(await runDecodeJob(jobFor(body)));
    }
  });

  it('answers 20 concurrent jobs, each with its own result, on at most `size` threads', async () => {
    pool = createDecodeWorkerPool(decodeWorkerBundlePath(), 2);
    const many = makeExportBatches({ batches: 20, spansPerBatch: 32, startMs: Date.UTC(2026, 0, 6), seed: 11 });
    const results = (await Promise.all(many.map((b) => pool!.run(jobFor(b))))).map(succeeded);
    expect(new Set(results.map((r) => r.threadId)).size).toBeLessThanOrEqual(2);
    for (const [i, b] of many.entries()) expect(results[i]!.classified).toEqual(await runDecodeJob(jobFor(b)));
  });

  it('copies a body that is a view on a larger buffer instead of detaching the buffer', async () => {
    pool = createDecodeWorkerPool(decodeWorkerBundlePath(), 1);
    const body = bodies[0]!;
    const backing = new Uint8Array(body.bytes.byteLength + 16);
    backing.set(body.bytes, 8);
    const view = backing.subarray(8, 8 + body.bytes.byteLength);
    const { classified } = succeeded(await pool.run(jobFor(body, { body: view })));
    expect(backing.byteLength).toBe(body.bytes.byteLength + 16);
    expect(classified).toEqual(await runDecodeJob(jobFor(body)));
  });

  const big = new TextEncoder().encode(JSON.stringify({ resourceSpans: [] }).padEnd(64 * 1024, ' '));
  const refusals: [string, number, () => DecodeJob][] = [
    ['malformed protobuf', 400, () => ({ ...jobFor(bodies[0]!), format: 'protobuf', body: new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x01, 0x02]) })],
    ['bad JSON', 400, () => ({ ...jobFor(bodies[0]!), format: 'json', body: new TextEncoder().encode('{"resourceSpans": [') })],
    ['JSON of the wrong shape', 400, () => ({ ...jobFor(bodies[0]!), format: 'json', body: new TextEncoder().encode('{"resourceSpans": 3}') })],
    ['invalid UTF-8 JSON', 400, () => ({ ...jobFor(bodies[0]!), format: 'json', body: new Uint8Array([0x7b, 0xff, 0x7d]) })],
    ['bad gzip', 400, () => ({ ...jobFor(bodies[0]!), contentEncoding: 'gzip', body: new TextEncoder().encode('not gzip at all') })],
    ['too large after decompression', 413, () => ({ ...jobFor(bodies[0]!), format: 'json', contentEncoding: 'gzip', body: gzipSync(big), maxBytes: 4096 })],
    ['an unsupported Content-Encoding', 415, () => ({ ...jobFor(bodies[0]!), contentEncoding: 'br' })],
  ];

  it.each(refusals)('refuses %s with the same status and message as the request thread', async (_, status, job) => {
    slot = openDecodeSlot({ threads: 1, workerFile: decodeWorkerBundlePath() });
    const inThread = classifyIngestError(await errorOf(runDecodeJob(job())));
    const inWorker = classifyIngestError(await errorOf(decodeInSlot(slot, job())));
    expect(inThread.status).toBe(status);
    expect(inWorker).toEqual(inThread);
  });

  it('fails the in-flight job of a killed worker with a 503 and runs the next job on a replacement', async () => {
    slot = openDecodeSlot({ threads: 1, workerFile: decodeWorkerBundlePath() });
    // The fresh worker is still loading its bundle when it is killed, so the job is in flight.
    const first = decodeInSlot(slot, jobFor(bodies[1]!));
    const [victim] = slot.pool!.workers();
    await victim!.terminate();
    const err = await errorOf(first);
    expect(err).toBeInstanceOf(DecodeWorkerLostError);
    expect(classifyIngestError(err)).toMatchObject({ status: 503, retryAfter: '1', refused: false });
    expect(classifyIngestError(err).message).toMatch(/Retry later/);

    expect(await decodeInSlot(slot, jobFor(bodies[1]!))).toEqual(await runDecodeJob(jobFor(bodies[1]!)));
    expect(slot.pool!.workers()).toHaveLength(1);
    expect(slot.pool!.workers()[0]).not.toBe(victim);
  });

  it('keeps serving queued jobs when a worker dies with several waiting', async () => {
    pool = createDecodeWorkerPool(decodeWorkerBundlePath(), 1);
    const jobs = bodies.slice(0, 4).map((b) => pool!.run(jobFor(b)));
    await pool.workers()[0]!.terminate();
    const settled = await Promise.allSettled(jobs);
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { ok: false, error: { kind: 'worker-lost' } } });
    for (const [i, s] of settled.slice(1).entries()) {
      expect(s.status).toBe('fulfilled');
      if (s.status === 'fulfilled') expect(succeeded(s.value).classified).toEqual(await runDecodeJob(jobFor(bodies[i + 1]!)));
    }
  });
});
