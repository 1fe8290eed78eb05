import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { makeExportBatches } from '@/scripts/bench/make-export-batches';
import type { DecodeJob } from './decode-job';
import { type DecodeSlot, decodeExportBody, decodeInSlot, decodeWorkerBundlePath, openDecodeSlot } from './decode-export-body';
import { DecodeWorkerLostError } from './decode-worker-lost-error';
import { runDecodeJob } from './run-decode-job';

const [body] = makeExportBatches({ batches: 1, spansPerBatch: 32, startMs: Date.UTC(2026, 0, 5), seed: 3 });
const job = (): DecodeJob => ({ format: body!.format, contentEncoding: null, body: body!.bytes.slice(), maxBytes: 1 << 24, extraAttributeNames: [] });
const holder = globalThis as typeof globalThis & { faultlineDecodeSlot?: DecodeSlot };

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  resetEnvForTests();
  await holder.faultlineDecodeSlot?.pool?.close();
  holder.faultlineDecodeSlot = undefined;
});

describe('openDecodeSlot / decodeInSlot', () => {
  it('decodes on the request thread when threads is 0 (FAULTLINE_INGEST_DECODE_THREADS=0)', async () => {
    const slot = openDecodeSlot({ threads: 0, workerFile: decodeWorkerBundlePath() });
    expect(slot.pool).toBeNull();
    expect(await decodeInSlot(slot, job())).toEqual(await runDecodeJob(job()));
  });

  it('falls back to the request thread with one warning when the worker bundle is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const slot = openDecodeSlot({ threads: 2, workerFile: '/nonexistent/ingest-decode-worker.mjs' });
    expect(slot.pool).toBeNull();
    expect(await decodeInSlot(slot, job())).toEqual(await runDecodeJob(job()));
    await decodeInSlot(slot, job());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/ingest-decode-worker\.mjs is missing.*request thread/);
  });

  it('switches to the request thread when the bundle disappears under a running pool', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-decode-worker-'));
    const workerFile = path.join(dir, 'ingest-decode-worker.mjs');
    fs.copyFileSync(decodeWorkerBundlePath(), workerFile);
    try {
      const slot = openDecodeSlot({ threads: 1, workerFile });
      expect(await decodeInSlot(slot, job())).toEqual(await runDecodeJob(job()));
      // The worker dies and its replacement cannot load the deleted file.
      await slot.pool!.workers()[0]!.terminate();
      fs.rmSync(workerFile);
      const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(decodeInSlot(slot, job())).rejects.toBeInstanceOf(DecodeWorkerLostError);
      expect(String(errorLog.mock.calls[0]?.[1])).toMatch(/Cannot find module/);
      expect(slot.pool).toBeNull();
      expect(await decodeInSlot(slot, job())).toEqual(await runDecodeJob(job()));
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeExportBody (what the route calls)', () => {
  it('uses the worker bundle that vitest global setup built, sized by FAULTLINE_INGEST_DECODE_THREADS', async () => {
    expect(fs.existsSync(decodeWorkerBundlePath())).toBe(true);
    vi.stubEnv('FAULTLINE_INGEST_DECODE_THREADS', '3');
    resetEnvForTests();
    const results = await Promise.all(Array.from({ length: 6 }, () => decodeExportBody(job())));
    for (const r of results) expect(r).toEqual(await runDecodeJob(job()));
    const pool = holder.faultlineDecodeSlot?.pool;
    expect(pool).toBeTruthy();
    expect(pool!.workers().length).toBeGreaterThan(0);
    expect(pool!.workers().length).toBeLessThanOrEqual(3);
  });

  it('decodes on the request thread when FAULTLINE_INGEST_DECODE_THREADS=0', async () => {
    vi.stubEnv('FAULTLINE_INGEST_DECODE_THREADS', '0');
    resetEnvForTests();
    expect(await decodeExportBody(job())).toEqual(await runDecodeJob(job()));
    expect(holder.faultlineDecodeSlot?.pool).toBeNull();
  });
});
