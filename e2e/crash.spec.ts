// Acknowledged means committed: a built server under load is killed with SIGKILL several
// times and restarted on the same database. Every export request it answered 200 must be
// stored in full (counted by trace id, straight from the database), and the rollups must count
// each span once. Then the same with a stock OpenTelemetry SDK (BatchSpanProcessor and the
// OTLP exporter): its retries on connection errors must make the end-to-end loss zero.
// Runs on the e2e run's engine: SQLite, and PostgreSQL in the PostgreSQL run.
import path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { setGlobalErrorHandler } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { expect, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';
import { type Answer, bodiesOf, countBy, postExport, runSenders } from './support/otlp-load';
import { type FaultlineServer, faultlineServer, freePort } from './support/faultline-server';
import { type SpecDatabase, specDatabase, type StoredTotals } from './support/spec-database';

test.describe.configure({ mode: 'serial' });

const outputDir = path.join(process.env.FAULTLINE_E2E_OUTPUT ?? path.join(__dirname, '..', '.test-output', 'e2e'), 'crash');
const spansPerRequest = 20;

let database: SpecDatabase | undefined;
let server: FaultlineServer | undefined;

test.beforeAll(async () => {
  database = await specDatabase('crash', outputDir);
  server = faultlineServer({ port: await freePort(), databaseUrl: database.url });
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGKILLs at random moments (each 1.5–4 s after the server is back), restarting each time. */
async function killRepeatedly(target: FaultlineServer, kills: number): Promise<number[]> {
  const downtimes: number[] = [];
  for (let k = 0; k < kills; k += 1) {
    await sleep(1_500 + Math.random() * 2_500);
    const down = Date.now();
    await target.kill();
    await target.start();
    downtimes.push(Date.now() - down);
  }
  return downtimes;
}

/** The totals once the server's fold job has rebuilt every coarse bucket (it folds a bucket 5 s after its last write). */
async function foldedTotals(): Promise<StoredTotals> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const totals = await (database as SpecDatabase).totals();
    if (totals.markedBuckets === 0 || Date.now() > deadline) return totals;
    await sleep(250);
  }
}

function checkRollups(totals: StoredTotals): void {
  expect(totals.markedBuckets, 'the fold job rebuilt every marked bucket').toBe(0);
  expect(totals.minuteRollup, 'request_minutes counts each stored span once').toBe(totals.requests);
  for (const [grain, sum] of Object.entries(totals.coarseRollups)) expect(sum, `the ${grain}-minute rollup`).toBe(totals.requests);
}

test('every export request answered 200 is stored in full after repeated SIGKILLs', async () => {
  test.setTimeout(90_000);
  const s = server as FaultlineServer;
  let running = true;
  const bodies = bodiesOf(spansPerRequest);
  const sending = runSenders(s.base, { senders: 4, spans: spansPerRequest, running: () => running, bodies });
  const downtimes = await killRepeatedly(s, 4);
  await sleep(1_000);
  running = false;
  const answers: Answer[] = await sending;

  const totals = await foldedTotals();
  const acknowledged = answers.filter((a) => a.status === 200);
  const lost = acknowledged.filter((a) => (totals.spansByTrace.get(a.traceId) ?? 0) !== spansPerRequest);
  const unacknowledged = answers.filter((a) => a.status !== 200);
  const storedAnyway = unacknowledged.filter((a) => totals.spansByTrace.has(a.traceId)).length;
  const report = {
    engine: database?.engine,
    requests: answers.length,
    acknowledged: acknowledged.length,
    lostAcknowledged: lost.length,
    notAcknowledged: countBy(unacknowledged, (a) => (a.status === 0 ? (a.error ?? 'error') : String(a.status))),
    notAcknowledgedButStored: storedAnyway,
    downtimesMs: downtimes,
    storedSpans: totals.requests,
  };
  console.log(`[crash] ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'crash', description: JSON.stringify(report) });

  expect(acknowledged.length, 'the load got through between kills').toBeGreaterThan(20);
  expect(unacknowledged.length, 'the kills interrupted the load').toBeGreaterThan(0);
  expect(lost.map((a) => a.traceId)).toEqual([]);
  // Every request the server wrote is whole: a trace is never half stored.
  for (const [trace, n] of totals.spansByTrace) expect(n, trace).toBe(spansPerRequest);
  checkRollups(totals);

  // A sender that never got its answer sends again: the very same requests must not count twice.
  const resend = [...acknowledged.slice(0, 20), ...unacknowledged.filter((a) => totals.spansByTrace.has(a.traceId))];
  for (const a of resend) expect((await postExport(s.base, a.format, bodies[a.format](a.traceId), a.traceId)).status).toBe(200);
  const after = await foldedTotals();
  expect(after.requests).toBe(totals.requests);
  expect(after.duplicates - totals.duplicates).toBe(resend.length * spansPerRequest);
  checkRollups(after);
});

test("the OTel SDK's exporter retries through SIGKILLs and restarts: nothing it exported is lost", async () => {
  test.setTimeout(90_000);
  const s = server as FaultlineServer;
  const exportErrors: string[] = [];
  setGlobalErrorHandler((err) => exportErrors.push(String((err as Error)?.message ?? err)));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'durability-e2e-sdk' }),
    spanProcessors: [
      new BatchSpanProcessor(
        // The exporter's deadline covers all its retries (5 more, backing off 1 s × 1.5^n up to
        // 5 s: about 13 s in all); the default 10 s would give up on a restart that takes long.
        new OTLPTraceExporter({ url: `${s.base}/v1/traces`, headers: { Authorization: `Bearer ${e2eTokens.ingest}` }, timeoutMillis: 30_000 }),
        { scheduledDelayMillis: 100, maxExportBatchSize: 100, maxQueueSize: 100_000, exportTimeoutMillis: 60_000 },
      ),
    ],
  });
  const tracer = provider.getTracer('durability-e2e');
  const traceIds: string[] = [];
  const duplicatesBefore = (await (database as SpecDatabase).totals()).duplicates;
  let running = true;
  const producing = (async () => {
    while (running) {
      for (let i = 0; i < 10; i += 1) {
        const span = tracer.startSpan('GET', {
          kind: SpanKind.CLIENT,
          attributes: { 'http.request.method': 'GET', 'http.response.status_code': 429, 'url.full': 'https://cc1.voiso.com/api/v4/cdr' },
        });
        traceIds.push(span.spanContext().traceId);
        span.end();
      }
      await sleep(20);
    }
  })();
  const downtimes = await killRepeatedly(s, 3);
  await sleep(1_000);
  running = false;
  await producing;
  await provider.forceFlush();
  await provider.shutdown();

  const totals = await foldedTotals();
  const missing = traceIds.filter((id) => totals.spansByTrace.get(id) !== 1);
  const report = { engine: database?.engine, exported: traceIds.length, missing: missing.length, exportErrors, duplicateSpansRetried: totals.duplicates - duplicatesBefore, downtimesMs: downtimes };
  console.log(`[crash] sdk ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'crash-sdk', description: JSON.stringify(report) });
  expect(traceIds.length).toBeGreaterThan(500);
  expect(exportErrors).toEqual([]);
  expect(missing).toEqual([]);
  checkRollups(totals);
});
