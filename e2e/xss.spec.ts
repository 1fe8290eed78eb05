// Span attributes are written by whoever holds an ingest token, and key labels by whoever holds
// an API token: both end up on dashboard pages. Here they carry script payloads (in the service
// name, span name, route, error body, error keys, environment and a key's label), exported by the
// stock OpenTelemetry SDK. On every page that shows them, the payload must appear as plain text,
// no element may be created from it, nothing may run, and the Content-Security-Policy must not
// have had to step in: React's escaping is the wall, CSP the one behind it.
import { randomBytes } from 'node:crypto';
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';
import { snapshot } from './support/snapshot';

const payloads = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=2</script>',
  svg: '"><svg onload=window.__xss=3>',
  jsUrl: 'javascript:window.__xss=4',
};

const run = randomBytes(4).toString('hex');
const service = `e2e-xss-${run}${payloads.img}`;
const environment = payloads.jsUrl;
const host = `cc-${run}.voiso.com`;
const route = `/api/v4/${payloads.svg}`;
const fingerprint = `fp_e2exss${run}`;
const keyLabel = payloads.svg;
const keyEnvironment = payloads.jsUrl;
// A 422 whose field name and messages are payloads: each error key reads "<field>: <message>".
// Only the identifier-named field ("name") is read as a field by the validation finding.
const fieldName = '<img src=x onerror=window.__xss=1>';
const validationBody = JSON.stringify({ errors: { [fieldName]: [payloads.script], name: [`${payloads.svg} is missing`] } });
const validationKey = `${fieldName}: ${payloads.script}`;
const fieldKey = `name: ${payloads.svg} is missing`;
const unauthorizedBody = JSON.stringify({ error: payloads.img });

async function exportSpans(baseURL: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': environment }),
    spanProcessors: [
      new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${e2eTokens.ingest}` } })),
    ],
  });
  const tracer = provider.getTracer('faultline-e2e-xss');
  // Three 422s make a validation finding, so the payloads reach the findings' titles, facts and fixes too.
  const calls: { status: number; body?: string }[] = [
    { status: 200 },
    ...Array.from({ length: 3 }, () => ({ status: 422, body: validationBody })),
    { status: 401, body: unauthorizedBody },
  ];
  const now = Date.now();
  for (const [i, call] of calls.entries()) {
    const attributes: Attributes = {
      'http.request.method': 'POST',
      'http.response.status_code': call.status,
      'url.full': `https://${host}/api/v4/contacts`,
      'url.template': route,
      'server.address': host,
      'faultline.api_key.fingerprint': fingerprint,
      'faultline.auth.scheme': 'bearer',
    };
    if (call.body) attributes['faultline.error.body'] = call.body;
    const start = new Date(now - 30_000 + i * 1000);
    tracer.startSpan(payloads.script, { kind: SpanKind.CLIENT, attributes, startTime: start }).end(new Date(start.getTime() + 25));
  }
  await provider.forceFlush();
  await provider.shutdown();
}

const api = { Authorization: `Bearer ${e2eTokens.api}` };

interface StoredCall {
  id: number;
  statusCode: number;
  endpointId: string;
}

async function storedCalls(request: APIRequestContext): Promise<StoredCall[]> {
  const res = await request.get(`/api/v1/requests?service=${encodeURIComponent(service)}`, { headers: api });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { requests: StoredCall[] }).requests;
}

interface Watch {
  dialogs: string[];
  cspErrors: string[];
}

/** Records dialogs (dismissed at once) and CSP complaints, both from the console and the DOM event. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { dialogs: [], cspErrors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.cspErrors.push(msg.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => seen.cspErrors.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`);
    });
  });
  return seen;
}


/** The page rendered the payloads as text: nothing ran, no element or link came out of them. */
async function expectInert(page: Page, seen: Watch, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${where}: window.__xss`).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], [onerror], [onload]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    // Next's own inline scripts (the page data, payloads included as escaped strings) carry the
    // nonce; an inline script without one could only have come from a payload.
    scripts: [...document.scripts].filter((s) => !s.src && !s.nonce).length,
    jsLinks: [...document.querySelectorAll('a[href], area[href], form[action], iframe[src]')].filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? ''),
    ).length,
  }));
  expect(injected, `${where}: elements made from the payloads`).toEqual({ img: 0, svg: 0, scripts: 0, jsLinks: 0 });
  expect(seen.dialogs, `${where}: dialogs`).toEqual([]);
  expect(seen.cspErrors, `${where}: CSP had to block something`).toEqual([]);
}

test('script payloads in span attributes and key labels render as inert text on every page', async ({ page, request, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  await exportSpans(baseURL ?? '');
  await expect.poll(async () => (await storedCalls(request)).length, { message: 'the calls are stored' }).toBe(5);
  const calls = await storedCalls(request);
  const validation = calls.find((c) => c.statusCode === 422);
  const unauthorized = calls.find((c) => c.statusCode === 401);
  expect(validation && unauthorized).toBeTruthy();
  const endpointId = validation?.endpointId ?? '';

  const label = await request.patch(`/api/v1/keys/${fingerprint}`, { headers: api, data: { label: keyLabel, environment: keyEnvironment } });
  expect(label.status()).toBe(200);

  const seen = await watch(page);
  const only = `service=${encodeURIComponent(service)}&range=1h`;
  const finding = `${service}'s POST ${route} bodies fail validation (name)`;
  const visits: { name: string; url: string; shows: string[] }[] = [
    { name: '1-overview', url: `/?${only}`, shows: [route, keyLabel, finding] },
    { name: '2-problems', url: `/problems?${only}`, shows: [finding, `"${fieldKey}"`] },
    { name: '3-endpoint', url: `/endpoints/${endpointId}?${only}`, shows: [route, validationKey, keyLabel] },
    { name: '4-key', url: `/keys/${fingerprint}?${only}`, shows: [keyLabel, keyEnvironment, finding] },
    { name: '5-keys', url: `/keys?${only}`, shows: [keyLabel] },
    { name: '6-endpoints', url: `/endpoints?${only}`, shows: [route] },
    { name: '7-requests', url: `/requests?${only}`, shows: [route, validationKey, payloads.img, keyLabel] },
    { name: '8-request-validation', url: `/requests?${only}&request=${validation?.id}`, shows: [payloads.script, environment, validationKey] },
    { name: '9-request-unauthorized', url: `/requests?${only}&request=${unauthorized?.id}`, shows: [payloads.img, service] },
  ];
  for (const visit of visits) {
    await test.step(visit.name, async () => {
      await page.goto(visit.url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Drawers show what they are about; elsewhere anywhere on the page (but not in a closed <select>).
      const scope = visit.url.includes('&request=') ? page.getByRole('dialog') : page.locator('main');
      for (const text of visit.shows) {
        await expect(scope.getByText(text).filter({ visible: true }).first(), `${visit.name} shows ${text}`).toBeVisible();
      }
      await snapshot(page, testInfo, visit.name);
      await expectInert(page, seen, visit.name);
    });
  }

  await test.step('control: the watchers see what CSP blocks, and CSP blocks an injected handler', async () => {
    // Markup injected behind React's back, as an escaping bug would: the second wall must hold,
    // and the listeners above must have been able to notice.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/x-missing" onerror="window.__xss=99">'));
    await expect.poll(() => seen.cspErrors.length, { message: 'a CSP violation report' }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});
