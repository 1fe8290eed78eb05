// Alerts as a user meets them: throttled calls exported by the stock OpenTelemetry SDK, then, in
// Chromium, a rule created through the /alerts form (with its preview and threshold line), read
// back through GET /api/v1/alert-rules, firing to a real local webhook receiver and showing on
// /alerts and the overview, then edited (and so resolved) and deleted.
import { randomBytes } from 'node:crypto';
import { type Attributes, SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { startWebhookReceiver, type WebhookReceiver } from '../lib/testing/webhook-receiver';
import { e2eTokens } from '../playwright.config';
import { snapshot } from './support/snapshot';

const run = randomBytes(4).toString('hex');
const service = `e2e-alerts-${run}`;
const host = `cc-${run}.voiso.com`;
const throttledKey = `fp_e2ethrottled${run}`;
const calmKey = `fp_e2ecalm${run}`;
const ruleName = `Throttling per key ${run}`;

// Per minute: half of the throttled key's calls get 429; the calm key is barely touched.
const callsPerMinute: { status: number; key: string }[] = [
  ...Array.from({ length: 10 }, () => ({ status: 200, key: throttledKey })),
  ...Array.from({ length: 10 }, () => ({ status: 429, key: throttledKey })),
  ...Array.from({ length: 24 }, () => ({ status: 200, key: calmKey })),
  { status: 429, key: calmKey },
];

async function exportCalls(baseURL: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment.name': 'e2e' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${e2eTokens.ingest}` } })),
    ],
  });
  const tracer = provider.getTracer('faultline-e2e-alerts');
  // Two minutes that have ended, so the rule's window (whole past minutes) holds them all.
  const now = Date.now();
  for (const startMs of [now - 125_000, now - 65_000]) {
    for (const call of callsPerMinute) {
      const attributes: Attributes = {
        'http.request.method': 'GET',
        'http.response.status_code': call.status,
        'url.full': `https://${host}/api/v4/cdr`,
        'server.address': host,
        'faultline.api_key.fingerprint': call.key,
        'faultline.auth.scheme': 'bearer',
      };
      if (call.status === 429) attributes['faultline.error.body'] = '{"error":"Too many requests"}';
      const span = tracer.startSpan('GET', { kind: SpanKind.CLIENT, attributes, startTime: new Date(startMs) });
      span.end(new Date(startMs + 40));
    }
  }
  await provider.forceFlush();
  await provider.shutdown();
}

/** A labelled form control by its exact label (the preview's figure also mentions "metric"). */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });


interface StoredRule {
  id: string;
  name: string;
  [field: string]: unknown;
}

async function storedRule(request: APIRequestContext): Promise<StoredRule | undefined> {
  const res = await request.get('/api/v1/alert-rules', { headers: { Authorization: `Bearer ${e2eTokens.api}` } });
  expect(res.status()).toBe(200);
  const { rules } = (await res.json()) as { rules: StoredRule[] };
  return rules.find((r) => r.name === ruleName);
}

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

test('create a rule in the form, see it fire, edit it and delete it', async ({ page, request, baseURL }, testInfo) => {
  // The runner evaluates every 30 s (the default): firing and resolving take up to one interval each.
  test.setTimeout(240_000);
  await exportCalls(baseURL ?? '');
  const hookUrl = receiver.url(`/hooks/${run}`);

  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).focus();
  await page.getByRole('region', { name: 'Rules' }).getByRole('link', { name: 'New rule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New alert rule' })).toBeVisible();

  // The rule: 429 rate above 20 % per key, over this test's service, firing at once.
  await field(page, 'Name').fill(ruleName);
  await expect(field(page, 'Metric')).toHaveValue('rate');
  await field(page, 'Status codes').fill('429');
  await field(page, 'Comparator').selectOption('>');
  await field(page, 'Threshold (%)').fill('20');
  await field(page, 'Window (minutes)').fill('5');
  await field(page, 'Minimum calls in the window').fill('20');
  await field(page, 'For (minutes)').fill('0');
  await field(page, 'Service').selectOption(service);
  await field(page, 'One alert per').selectOption('key');
  await field(page, 'Channel 1 type').selectOption('webhook');
  await field(page, 'Channel 1 URL').fill(hookUrl);

  // The preview: the throttled key's 50 % against the 20 % line; the calm key stays under it.
  const preview = page.getByRole('figure', { name: "Preview of the rule's metric against its threshold" });
  const lines = preview.getByRole('list', { name: 'Lines' });
  await expect(lines.getByRole('listitem').filter({ hasText: throttledKey })).toContainText('worst 50% · crossed the threshold');
  await expect(lines.getByRole('listitem').filter({ hasText: calmKey })).toContainText('within the threshold');
  // Recharts draws the reference line and its label apart; one line (g.recharts-line) per key.
  await expect(preview.locator('.recharts-reference-line')).toHaveCount(1);
  await expect(preview.locator('.recharts-reference-line-line')).toHaveAttribute('stroke', '#f85149');
  await expect(preview).toContainText('threshold 20%');
  await expect(preview.locator('g.recharts-line')).toHaveCount(2);
  await expect(preview).toContainText('1 of 2 keys with calls crossed the threshold');
  await snapshot(page, testInfo, '1-new-rule-with-preview');

  // Changing the threshold moves the line.
  await field(page, 'Threshold (%)').fill('60');
  await expect(preview).toContainText('threshold 60%');
  await expect(preview).toContainText('0 of 2 keys with calls crossed the threshold');
  await field(page, 'Threshold (%)').fill('20');
  await expect(preview).toContainText('threshold 20%');

  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page).toHaveURL(/\/alerts#rule-[0-9a-f-]{36}$/);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: ruleName }) });
  await expect(card).toContainText('429 rate > 20% over 5 min, per key');
  await expect(card).toContainText(`service ${service}`);
  // Shown only down to its first path segment: webhook secrets often sit in the path.
  await expect(card).toContainText(`webhook ${receiver.url('/hooks')}/…`);
  await expect(card).not.toContainText(hookUrl);
  await snapshot(page, testInfo, '2-rule-listed');

  // Stored with the definition the form described.
  const stored = await storedRule(request);
  expect(stored).toMatchObject({
    name: ruleName,
    metric: 'rate',
    codes: [429],
    comparator: '>',
    threshold: 0.2,
    windowSeconds: 300,
    minRequests: 20,
    forSeconds: 0,
    noDataState: 'ok',
    scope: { service, each: 'key' },
    channels: [{ type: 'webhook', url: hookUrl }],
    enabled: true,
    severity: 'warning',
  });
  expect(stored?.recoveryThreshold).toBeUndefined();
  expect(stored?.renotifySeconds).toBeUndefined();

  // Within one evaluation interval the throttled key fires: one POST to the receiver.
  await expect.poll(() => receiver.received(`/hooks/${run}`).length, { timeout: 75_000 }).toBeGreaterThan(0);
  const [notice] = receiver.received(`/hooks/${run}`);
  const payload = JSON.parse(notice?.body ?? '{}');
  expect(payload).toMatchObject({ rule: { id: stored?.id, name: ruleName }, state: 'firing', instance: { key: throttledKey }, value: 0.5, threshold: 0.2 });

  await page.reload();
  const firing = page.getByRole('region', { name: 'Firing now' });
  const firingRow = firing.getByRole('row').filter({ hasText: throttledKey });
  await expect(firingRow).toContainText(ruleName);
  await expect(firingRow).toContainText('50% > 20%');
  await expect(firing.getByRole('row').filter({ hasText: calmKey })).toHaveCount(0);
  // The delivery is marked delivered once the receiver has answered: a moment after it got the POST.
  await expect(async () => {
    await page.reload();
    await card.getByText(/^History:/).click();
    await expect(card.getByRole('table', { name: 'State changes' }).getByRole('row').filter({ hasText: throttledKey })).toContainText('firing');
    await expect(card.getByRole('table', { name: 'Deliveries' }).getByRole('row').nth(1)).toContainText('delivered', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await snapshot(page, testInfo, '3-firing-on-alerts');

  // The overview shows it too, and links back to /alerts.
  await page.goto(`/?range=15m&service=${service}`);
  const panel = page.getByRole('region', { name: 'Firing alerts' });
  await expect(panel.getByRole('row').filter({ hasText: throttledKey })).toContainText(ruleName);
  await snapshot(page, testInfo, '4-overview-firing-panel');
  await panel.getByRole('link', { name: 'Alerts and rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();

  // Edit: a higher threshold.
  await page.getByRole('link', { name: `Edit rule ${ruleName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit alert rule “${ruleName}”`);
  await expect(field(page, 'Threshold (%)')).toHaveValue('20');
  await expect(field(page, 'One alert per')).toHaveValue('key');
  await expect(field(page, 'Channel 1 URL')).toHaveValue(hookUrl);
  // An invalid value is refused next to its field, and what was typed stays.
  await field(page, 'Threshold (%)').fill('150');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#rule-threshold-error')).toHaveText('a rate threshold is a percentage from 0 to 100');
  await expect(field(page, 'Threshold (%)')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Threshold (%)')).toHaveValue('150');
  await snapshot(page, testInfo, '5-edit-field-error');
  await field(page, 'Threshold (%)').fill('60');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\/alerts#rule-/);
  await expect(card).toContainText('429 rate > 60% over 5 min, per key');
  expect(await storedRule(request)).toMatchObject({ id: stored?.id, threshold: 0.6, scope: { service, each: 'key' } });
  // Still firing until the next evaluation, which finds 50 % no longer above 60 % and resolves.
  await expect(page.getByRole('region', { name: 'Firing now' }).getByRole('row').filter({ hasText: throttledKey })).toContainText(
    '50%, no longer > 60%: resolves at the next evaluation',
  );
  await snapshot(page, testInfo, '6-rule-edited');
  await expect.poll(() => receiver.received(`/hooks/${run}`).map((r) => JSON.parse(r.body).state), { timeout: 75_000 }).toEqual(['firing', 'resolved']);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Firing now' })).toContainText('Nothing is firing.');
  await expect(card).toContainText('1 resolved');

  // Delete, with a confirmation step.
  await card.getByRole('button', { name: `Delete rule ${ruleName}` }).click();
  await card.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('heading', { level: 3, name: ruleName })).toHaveCount(0);
  expect(await storedRule(request)).toBeUndefined();
  const gone = await request.get(`/api/v1/alert-rules/${stored?.id}`, { headers: { Authorization: `Bearer ${e2eTokens.api}` } });
  expect(gone.status()).toBe(404);
  await snapshot(page, testInfo, '7-rule-deleted');
});
