// Malformed input at volume, in process: thousands of mutated OTLP export requests (protobuf
// and JSON, see lib/testing/otlp-fuzz-cases.ts) through the real POST /v1/traces handler and
// database. Every answer must be a proper OTLP status (never a 5xx, never a throw), and the
// heap after a forced GC must not grow from the first thousand requests to the last.
// Seeded: FAULTLINE_FUZZ_SEED=<n> replays a run, and each failure names its case index.
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/v1/traces/route';
import { checkOtlpAnswer } from '@/lib/testing/check-otlp-answer';
import { fuzzCase } from '@/lib/testing/otlp-fuzz-cases';
import { encodeProtobufExport, type OtlpJsonObject } from '@/lib/testing/otlp-fuzz-seeds';
import { setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { testProvider } from '@/lib/testing/test-database';

const seed = Number(process.env.FAULTLINE_FUZZ_SEED ?? 20_261_125);
// PostgreSQL commits each accepted batch several times slower: fewer cases keep the run under a minute.
const cases = Number(process.env.FAULTLINE_FUZZ_CASES ?? (testProvider() === 'postgresql' ? 1_500 : 5_000));
/** Heap the run may hold beyond its baseline (caches warming, GC timing); a leak of 1 KiB per request exceeds it. */
const heapGrowthMarginBytes = 8 * 1024 * 1024;

// Small enough that a gzip bomb or a huge body is refused after 1 MiB, as a real limit would.
const env = setUpRouteTestEnvForFile({ FAULTLINE_MAX_BODY_BYTES: String(1024 * 1024), FAULTLINE_MAX_INFLIGHT_INGEST: '4' });

/** A real `gc()`, without needing node --expose-gc on the test worker's command line. */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function heapAfterGc(gc: () => void): Promise<number> {
  // Twice, with a turn of the event loop between: finalizers and weak callbacks free more.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
}

describe('POST /v1/traces under fuzzed input', () => {
  it(`answers ${cases} mutated export requests with OTLP statuses only, and does not grow the heap`, async () => {
    const gc = exposeGc();
    const byStatus = new Map<number, number>();
    const failures: string[] = [];
    // Module caches, JIT code and the drivers' buffers (sized by the largest batch so far) settle first.
    const baselineAt = Math.min(1_000, Math.floor(cases / 2));
    let heapAtBaseline = 0;
    for (let i = 0; i < cases; i += 1) {
      if (i === baselineAt) heapAtBaseline = await heapAfterGc(gc);
      const c = fuzzCase(seed, i);
      const headers = { ...c.headers, Authorization: `Bearer ${env.ingestToken}` };
      try {
        const res = await POST(new Request('http://localhost/v1/traces', { method: 'POST', headers, body: c.body as Uint8Array<ArrayBuffer> }));
        const body = new Uint8Array(await res.arrayBuffer());
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        const problem = checkOtlpAnswer(c.headers['Content-Type'], res.status, res.headers.get('content-type'), body);
        if (problem) failures.push(`case ${i} (${c.mutation}): ${problem}`);
      } catch (err) {
        failures.push(`case ${i} (${c.mutation}): threw ${(err as Error).stack ?? err}`);
      }
    }
    const heapAtEnd = await heapAfterGc(gc);
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    console.log(
      `[fuzz] seed ${seed}: ${cases} requests, by status ${JSON.stringify(Object.fromEntries(byStatus))}; ` +
        `heap after GC ${mib(heapAtBaseline)} after ${baselineAt} → ${mib(heapAtEnd)} after ${cases}`,
    );
    expect(failures.slice(0, 20), `seed ${seed}`).toEqual([]);
    // Both kinds of answer must be exercised, or the corpus is not reaching the decoders.
    expect(byStatus.get(200) ?? 0).toBeGreaterThan(cases / 20);
    expect(byStatus.get(400) ?? 0).toBeGreaterThan(cases / 20);
    expect(heapAtEnd - heapAtBaseline).toBeLessThan(heapGrowthMarginBytes);
  }, 150_000);

  // Regression: these reached the database driver as they were and the batch failed with a 500
  // (lone surrogates on both databases, NUL on PostgreSQL).
  it('stores spans whose text holds lone surrogates, NUL or invalid UTF-8, marked with U+FFFD', async () => {
    const traceId = randomBytes(16).toString('hex');
    const span = (spanId: string, name: string, body: string) => ({
      traceId,
      spanId,
      name,
      kind: 3,
      startTimeUnixNano: `${Date.now()}000000`,
      endTimeUnixNano: `${Date.now() + 5}000000`,
      attributes: [
        { key: 'http.request.method', value: { stringValue: 'GET' } },
        { key: 'http.response.status_code', value: { intValue: '401' } },
        { key: 'url.full', value: { stringValue: `https://api.example.com/v1/items/${name}` } },
        { key: 'faultline.error.body', value: { stringValue: body } },
      ],
    });
    const request = (spans: Record<string, unknown>[]): OtlpJsonObject => ({
      resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc\u0000\ud800' } }] }, scopeSpans: [{ spans }] }],
    });
    const json = JSON.stringify(request([span('1000000000000001', 'GET\ud800', '{"error":"bad\u0000key\udc00"}')]));
    const marker = 'MARKERMARKER';
    const proto = Buffer.from(encodeProtobufExport(request([span('1000000000000002', marker, marker)])));
    for (let at = proto.indexOf(marker); at >= 0; at = proto.indexOf(marker, at + 1)) proto.set([0xed, 0xa0, 0x80, 0x41, 0xff, 0x42], at);
    for (const [contentType, body] of [
      ['application/json', json],
      ['application/x-protobuf', new Uint8Array(proto)],
    ] as const) {
      const res = await POST(
        new Request('http://localhost/v1/traces', {
          method: 'POST',
          headers: { 'Content-Type': contentType, Authorization: `Bearer ${env.ingestToken}` },
          body: body as string | Uint8Array<ArrayBuffer>,
        }),
      );
      expect(res.status, contentType).toBe(200);
    }
    const rows = await env.t.db.prisma.$queryRaw<{ span_name: string; service: string }[]>`
      SELECT span_name, service FROM requests WHERE trace_id = ${traceId} ORDER BY span_id`;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ span_name: 'GET\ufffd', service: 'svc\ufffd\ufffd' });
  });
});
