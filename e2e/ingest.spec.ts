// A stock OpenTelemetry SDK exports HTTP client spans to the running app over OTLP
// (protobuf and JSON); the read API and the overview page must then show them, once.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { type Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { expect, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';

interface Call {
  method: string;
  path: string;
  status: number;
  body?: string;
}

const calls: Call[] = [
  { method: 'GET', path: '/api/v4/users', status: 200 },
  { method: 'GET', path: '/api/v4/users', status: 200 },
  { method: 'GET', path: '/api/v4/users', status: 401, body: '{"error":"Unauthorized"}' },
  { method: 'POST', path: '/api/v4/contacts', status: 403, body: '{"error":"Forbidden"}' },
  { method: 'GET', path: '/api/v4/cdr/98765', status: 429, body: '{"error":"Too many requests"}' },
  { method: 'POST', path: '/api/v4/contacts', status: 422, body: '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}' },
];

async function exportCalls(exporter: SpanExporter, service: string, baseURL: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'e2e' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('faultline-e2e');
  for (const call of calls) {
    const attributes: Attributes = {
      'http.request.method': call.method,
      'http.response.status_code': call.status,
      'url.full': `https://cc1.voiso.com${call.path}?api_key=must-not-be-stored`,
      'server.address': 'cc1.voiso.com',
      'faultline.api_key.fingerprint': 'fp_e2e0001',
      'faultline.auth.scheme': 'bearer',
    };
    if (call.body) attributes['faultline.error.body'] = call.body;
    const span = tracer.startSpan(`${call.method}`, { kind: SpanKind.CLIENT, attributes });
    if (call.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
  await provider.forceFlush();
  await provider.shutdown();
  expect(baseURL).toBeTruthy();
}

const api = (baseURL: string, path: string) =>
  fetch(`${baseURL}${path}`, { headers: { Authorization: `Bearer ${e2eTokens.api}` } }).then(async (r) => ({ status: r.status, body: await r.json() }));

test('spans from the OTLP protobuf and JSON exporters show up in the read API and on the overview', async ({ page, baseURL }) => {
  const base = baseURL ?? '';
  const run = randomBytes(4).toString('hex');
  const headers = { Authorization: `Bearer ${e2eTokens.ingest}` };
  await exportCalls(new OtlpProtoExporter({ url: `${base}/v1/traces`, headers }), `e2e-proto-${run}`, base);
  await exportCalls(new OtlpHttpJsonExporter({ url: `${base}/v1/traces`, headers }), `e2e-json-${run}`, base);

  for (const service of [`e2e-proto-${run}`, `e2e-json-${run}`]) {
    await expect
      .poll(async () => (await api(base, `/api/v1/summary?service=${service}`)).body, { message: `summary for ${service}` })
      .toEqual({
        total: 6,
        byStatus: { '200': 2, '401': 1, '403': 1, '422': 1, '429': 1 },
        byErrorKey: {
          Unauthorized: 1,
          Forbidden: 1,
          'Too many requests': 1,
          'name: is missing': 1,
          'timezone: must be a string': 1,
        },
      });
  }

  const series = await api(base, `/api/v1/timeseries?codes=401,403,429&step=60&service=e2e-proto-${run}`);
  expect(series.status).toBe(200);
  const totalsByCode = Object.fromEntries(
    series.body.series.map((s: { code: string; points: { count: number }[] }) => [s.code, s.points.reduce((a, p) => a + p.count, 0)]),
  );
  expect(totalsByCode).toEqual({ '401': 1, '403': 1, '429': 1 });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Calls by status, last hour' })).toBeVisible();
  for (const status of ['401', '403', '429', '422']) {
    await expect(page.locator(`tr[data-status="${status}"]`)).toBeVisible();
  }
  const row401 = page.locator('tr[data-status="401"] td').nth(1);
  expect(Number((await row401.textContent())?.replace(/,/g, ''))).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: test.info().outputPath('overview.png'), fullPage: true });
});

test('the ingest endpoint refuses a missing token and the server stays healthy', async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/v1/traces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(401);
  expect((await res.json()).message).toMatch(/Authorization/);
  const health = await fetch(`${baseURL}/api/health`);
  expect(await health.json()).toEqual({ status: 'ok' });
});

test('an exporter reusing its connection after the batch processor\'s 5 s pause finds it still open', async ({ baseURL }) => {
  // With Node's default 5 s keep-alive timeout the server closes the connection just as the
  // exporter's next export (every 5 s by default) reuses it: ECONNRESET, a retry, a late export.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(baseURL!);
  const post = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = http.request(
        { host: hostname, port, path: '/v1/traces', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${e2eTokens.ingest}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        },
      );
      req.on('error', reject);
      req.end('{"resourceSpans":[]}');
    });
  try {
    expect((await post()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await post()).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
});
