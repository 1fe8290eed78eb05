// Malformed input at volume against the built server: a thousand mutated OTLP export requests
// (lib/testing/otlp-fuzz-cases.ts; cases the in-process fuzz test does not send) over real
// HTTP. No 5xx and only proper OTLP answers, the server stays up and healthy, and its resident
// memory does not grow beyond a margin. Once per suite: the in-process test covers PostgreSQL.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';
import { checkOtlpAnswer } from '../lib/testing/check-otlp-answer';
import { fuzzCase } from '../lib/testing/otlp-fuzz-cases';
import { type FaultlineServer, faultlineServer, freePort } from './support/faultline-server';
import { onPostgres, type SpecDatabase, specDatabase } from './support/spec-database';

test.skip(onPostgres, 'decoding does not depend on the database; lib/ingest/ingest-fuzz.int.test.ts fuzzes PostgreSQL in process');

const outputDir = path.join(process.env.FAULTLINE_E2E_OUTPUT ?? path.join(__dirname, '..', '.test-output', 'e2e'), 'fuzz');
const seed = Number(process.env.FAULTLINE_FUZZ_SEED ?? 20_261_125);
/** After the in-process test's 5,000. */
const firstCase = 5_000;
const cases = 1_000;
const concurrency = 4;
const MiB = 1024 * 1024;
/**
 * A coarse guard (V8 gives heap back lazily, so RSS moves by tens of MiB): keeping even a tenth
 * of each body would add ~100 MiB here. lib/ingest/ingest-fuzz.int.test.ts measures the heap
 * after forced GCs precisely.
 */
const rssGrowthMarginBytes = 80 * MiB;

let database: SpecDatabase | undefined;
let server: FaultlineServer | undefined;

test.beforeAll(async () => {
  database = await specDatabase('fuzz', outputDir);
  server = faultlineServer({ port: await freePort(), databaseUrl: database.url, env: { FAULTLINE_MAX_BODY_BYTES: String(MiB) } });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

test(`${cases} mutated export requests: no 5xx, proper OTLP answers, the server stays up and does not grow`, async () => {
  test.setTimeout(90_000);
  const s = server as FaultlineServer;
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  let next = firstCase;
  let rssAfterWarmUp = 0;
  const send = async () => {
    for (let i = next++; i < firstCase + cases; i = next++) {
      if (i === firstCase + (cases * 2) / 5) rssAfterWarmUp = s.rssBytes();
      const c = fuzzCase(seed, i);
      try {
        const res = await fetch(`${s.base}/v1/traces`, {
          method: 'POST',
          headers: { ...c.headers, Authorization: `Bearer ${e2eTokens.ingest}` },
          body: c.body as Uint8Array<ArrayBuffer>,
          signal: AbortSignal.timeout(15_000),
        });
        const body = new Uint8Array(await res.arrayBuffer());
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        const problem = checkOtlpAnswer(c.headers['Content-Type'], res.status, res.headers.get('content-type'), body);
        if (problem) failures.push(`case ${i} (${c.mutation}): ${problem}`);
      } catch (err) {
        byStatus.error = (byStatus.error ?? 0) + 1;
        failures.push(`case ${i} (${c.mutation}): ${(err as Error).message} ${(err as { cause?: Error }).cause?.message ?? ''}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, send));
  const rssAtEnd = s.rssBytes();
  const report = { seed, cases, byStatus, rssMiB: { afterWarmUp: Math.round(rssAfterWarmUp / MiB), atEnd: Math.round(rssAtEnd / MiB) } };
  console.log(`[fuzz-e2e] ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'fuzz', description: JSON.stringify(report) });

  expect(failures.slice(0, 10), `seed ${seed}\n${s.output().slice(-3000)}`).toEqual([]);
  expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
  expect(rssAtEnd, 'resident memory after the run vs after its first 40%').toBeLessThanOrEqual(rssAfterWarmUp + rssGrowthMarginBytes);
});
