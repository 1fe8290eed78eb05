// The bundled instrumentation as an application would use it: a plain Node ES module app,
// in its own process, that imported node:http before starting telemetry.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type OtlpCaptureServer, startOtlpCaptureServer } from '../lib/testing/otlp-capture-server';
import { buildInstrumentBundle } from './build-instrument.mjs';

const run = promisify(execFile);
const apiKey = 'vk_live_PlainNodeApp7Qw3Er5Ty8Ui2Op4As6D';

let dir: string;
let capture: OtlpCaptureServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'faultline-bundle-'));
  capture = await startOtlpCaptureServer();
});

afterAll(async () => {
  await capture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('traces fetch and http calls from a plain Node app with one import', async () => {
  const bundle = await buildInstrumentBundle(path.join(dir, 'faultline-instrument.mjs'));
  const app = path.join(dir, 'app.mjs');
  await writeFile(
    app,
    `import http from 'node:http';
import { startFaultlineTelemetry } from ${JSON.stringify(pathToFileURL(bundle).href)};
const api = http.createServer((req, res) => {
  res.writeHead(req.url.startsWith('/api/v4/users') ? 401 : 422, { 'content-type': 'application/json' });
  res.end(req.url.startsWith('/api/v4/users') ? '{"error":"Unauthorized"}' : '{"errors":{"name":["is missing"]}}');
});
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
const base = 'http://127.0.0.1:' + api.address().port;
const telemetry = startFaultlineTelemetry({
  serviceName: 'plain-app', endpoint: process.env.SINK, token: 'fl_ingest_plain', apiHosts: [new URL(base).host],
});
const res = await fetch(base + '/api/v4/users', { headers: { authorization: 'Bearer ${apiKey}' } });
console.log(JSON.stringify(await res.json()));
await new Promise((resolve) => http.get(base + '/api/v4/contacts/42', { headers: { authorization: 'Token x' } },
  (message) => { message.resume(); message.on('end', resolve); }));
await telemetry.shutdown();
api.close();
`,
  );
  const { stdout } = await run(process.execPath, [app], { env: { ...process.env, SINK: capture.url }, timeout: 20_000 });
  expect(stdout.trim()).toBe('{"error":"Unauthorized"}');

  const spans = await capture.waitForSpans((all) => all.length >= 2);
  const byTemplate = new Map(spans.map((s) => [s.attributes['url.template'], s]));
  const users = byTemplate.get('/api/v4/users');
  const contact = byTemplate.get('/api/v4/contacts/{id}');
  expect(users?.attributes['faultline.error.body']).toBe('{"error":"Unauthorized"}');
  expect(users?.attributes['faultline.api_key.fingerprint']).toMatch(/^fp_[0-9a-f]{16}_As6D$/);
  expect(users?.resource['service.name']).toBe('plain-app');
  expect(contact?.attributes['faultline.auth.scheme']).toBe('other');
  expect(contact?.attributes['faultline.error.body']).toBe('{"errors":{"name":["is missing"]}}');
  expect(capture.allBytes().includes(Buffer.from(apiKey))).toBe(false);
});
