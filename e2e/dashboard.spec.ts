// The dashboard as a user meets it: spans exported by the stock OpenTelemetry SDK over OTLP,
// then, in Chromium, the overview's 401/403/429 series and failing endpoint → the endpoint
// page → the key page → the request explorer filtered by 429 → one call's details.
import { randomBytes } from 'node:crypto';
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { expect, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';
import { snapshot } from './support/snapshot';

const run = randomBytes(4).toString('hex');
const service = `e2e-dashboard-${run}`;
const host = `cc-${run}.voiso.com`;
const exportKey = `fp_e2eexport${run}`;
const importKey = `fp_e2eimport${run}`;

interface Call {
  method: string;
  path: string;
  status: number;
  key: string;
  body?: string;
  retryAfter?: string;
}

// Per minute: the export job is throttled and has key trouble; the importer has a validation bug.
const callsPerMinute: Call[] = [
  ...Array.from({ length: 5 }, () => ({ method: 'GET', path: '/api/v4/cdr', status: 200, key: exportKey })),
  ...Array.from({ length: 2 }, () => ({ method: 'GET', path: '/api/v4/cdr', status: 401, key: exportKey, body: '{"error":"Unauthorized"}' })),
  { method: 'GET', path: '/api/v4/cdr', status: 403, key: exportKey, body: '{"error":"Forbidden"}' },
  ...Array.from({ length: 4 }, () => ({
    method: 'GET',
    path: '/api/v4/cdr',
    status: 429,
    key: exportKey,
    body: '{"error":"Too many requests"}',
    retryAfter: '5',
  })),
  ...Array.from({ length: 3 }, () => ({ method: 'POST', path: '/api/v4/contacts', status: 201, key: importKey })),
  { method: 'POST', path: '/api/v4/contacts', status: 422, key: importKey, body: '{"errors":{"name":["is missing"]}}' },
];

async function exportCalls(baseURL: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'e2e' }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${e2eTokens.ingest}` } }),
      ),
    ],
  });
  const tracer = provider.getTracer('faultline-e2e-dashboard');
  // Two consecutive minutes, so every series is a line rather than a single point.
  const now = Date.now();
  for (const startMs of [now - 65_000, now - 5_000]) {
    for (const call of callsPerMinute) {
      const attributes: Attributes = {
        'http.request.method': call.method,
        'http.response.status_code': call.status,
        'url.full': `https://${host}${call.path}`,
        'server.address': host,
        'faultline.api_key.fingerprint': call.key,
        'faultline.auth.scheme': 'bearer',
      };
      if (call.body) attributes['faultline.error.body'] = call.body;
      if (call.retryAfter) attributes['http.response.header.retry-after'] = [call.retryAfter];
      const span = tracer.startSpan(call.method, { kind: SpanKind.CLIENT, attributes, startTime: new Date(startMs) });
      span.end(new Date(startMs + 40));
    }
  }
  await provider.forceFlush();
  await provider.shutdown();
}


test('from the overview to one throttled call in a few clicks', async ({ page, baseURL }, testInfo) => {
  await exportCalls(baseURL ?? '');

  // Overview, narrowed to this test's service (the database is shared with other tests).
  await page.goto(`/?range=15m&service=${service}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Calls by status over time' });
  for (const name of ['401 Unauthorized', '403 Forbidden', '429 Too Many Requests']) {
    await expect(chart.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(chart.getByRole('button', { name: '404 Not Found' })).toHaveAttribute('aria-pressed', 'false');
  // Recharts draws one curve per shown status.
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(3);
  const tiles = page.getByRole('region', { name: /Key figures/ });
  await expect(tiles.getByText('429 Too Many Requests')).toBeVisible();
  const failing = page.getByRole('region', { name: 'Top failing endpoints' });
  await expect(failing.getByRole('row')).toHaveCount(3); // header + the two endpoints
  await snapshot(page, testInfo, '1-overview');

  // Click 1: the failing endpoint.
  await failing.getByRole('link', { name: /GET\s*\/api\/v4\/cdr/ }).click();
  await expect(page).toHaveURL(/\/endpoints\/[0-9a-f]{16}\?/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`GET ${host}/api/v4/cdr`);
  const errorKeys = page.getByRole('region', { name: 'Error keys' });
  await expect(errorKeys.getByRole('row').nth(1)).toContainText('Too many requests');
  await expect(errorKeys.getByRole('row').nth(1)).toContainText('8');
  await snapshot(page, testInfo, '2-endpoint');

  // Click 2: the key that made those calls.
  await page.getByRole('region', { name: 'API keys calling it' }).getByRole('link', { name: exportKey }).click();
  await expect(page).toHaveURL(new RegExp(`/keys/${exportKey}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(exportKey);
  await snapshot(page, testInfo, '3-key');

  // Click 3: its 429s in the request explorer.
  await page.getByRole('link', { name: '8 calls with 429 Too Many Requests: show them' }).click();
  await expect(page).toHaveURL(/\/requests\?.*status=429/);
  const calls = page.getByRole('region', { name: /^Calls/ });
  await expect(calls.getByRole('row')).toHaveCount(9); // header + 8 throttled calls
  for (const row of await calls.getByRole('row').all().then((rows) => rows.slice(1))) {
    await expect(row).toContainText('429');
  }
  await snapshot(page, testInfo, '4-requests-429');

  // The details of one call: everything stored about it.
  await calls.getByRole('link', { name: /Details of call/ }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('Too many requests');
  await expect(drawer).toContainText(exportKey);
  const retryAfter = drawer.locator('div', { has: page.locator('dt', { hasText: /^Retry-After$/ }) }).locator('dd');
  await expect(retryAfter).toHaveText('5');
  await snapshot(page, testInfo, '5-request-details');
});
