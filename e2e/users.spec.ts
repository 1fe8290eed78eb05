// Users and roles as people meet them: the admin adds a viewer at /settings/users (with a
// generated password shown once); the viewer signs in through the form in a browser of their
// own, reads the dashboard but finds no settings, no label form and no "New rule", and is
// refused by the API when it tries to change things with its cookie; then the admin deletes the
// viewer, whose next page load goes to /login.
import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { expect, test } from '@playwright/test';
import { e2eTokens } from '../playwright.config';
import { snapshot } from './support/snapshot';

const run = randomBytes(4).toString('hex');
const viewerEmail = `viewer-${run}@example.com`;
const keyFingerprint = `fp_e2eusers${run}`;

/** A few calls with one key, so the viewer has a key page to look at. */
async function exportCalls(baseURL: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': `e2e-users-${run}`, 'deployment.environment.name': 'e2e' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${baseURL}/v1/traces`, headers: { Authorization: `Bearer ${e2eTokens.ingest}` } })),
    ],
  });
  const tracer = provider.getTracer('faultline-e2e-users');
  const startMs = Date.now() - 30_000;
  for (const status of [200, 200, 401]) {
    const span = tracer.startSpan('GET', {
      kind: SpanKind.CLIENT,
      startTime: new Date(startMs),
      attributes: {
        'http.request.method': 'GET',
        'http.response.status_code': status,
        'url.full': `https://users-${run}.example.com/api/v1/items`,
        'server.address': `users-${run}.example.com`,
        'faultline.api_key.fingerprint': keyFingerprint,
      },
    });
    span.end(new Date(startMs + 25));
  }
  await provider.forceFlush();
  await provider.shutdown();
}


test('an admin adds a viewer, who can read but not change anything, then deletes them', async ({ page, browser, baseURL }, testInfo) => {
  const origin = baseURL ?? '';
  await exportCalls(origin);

  // The admin adds a viewer and leaves the password to the server.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings\/users$/);
  await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('row', { name: /e2e-admin@example\.com/ })).toContainText('you');
  const addForm = page.getByRole('region', { name: 'Add a user' });
  await addForm.getByLabel('Email').fill(viewerEmail.toUpperCase());
  await addForm.getByLabel('Role').selectOption('viewer');
  await addForm.getByRole('button', { name: 'Add user' }).click();
  await expect(addForm.getByRole('status').first()).toHaveText(`Created ${viewerEmail} (viewer).`);
  const password = (await addForm.getByRole('status', { name: 'Generated password' }).textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const viewerRow = users.getByRole('row', { name: new RegExp(viewerEmail.replace(/[.]/g, '\\.')) });
  await expect(viewerRow).toContainText('never');
  await expect(viewerRow.getByLabel(`Role of ${viewerEmail}`, { exact: true })).toHaveValue('viewer');

  // The same email again is refused next to the field.
  await addForm.getByLabel('Email').fill(viewerEmail);
  await addForm.getByRole('button', { name: 'Add user' }).click();
  await expect(addForm.getByRole('alert')).toHaveText(`A user with the email ${viewerEmail} already exists.`);
  await expect(addForm.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await snapshot(page, testInfo, '1-users-with-viewer');

  // The viewer signs in through the form in a browser of their own.
  const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const viewer = await viewerContext.newPage();
    await viewer.goto('/alerts');
    await expect(viewer).toHaveURL(/\/login\?next=%2Falerts$/);
    await viewer.getByLabel('Email').fill(viewerEmail);
    await viewer.getByLabel('Password').fill(password);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(viewer).toHaveURL(/\/alerts$/);
    await expect(viewer.getByRole('banner')).toContainText(`${viewerEmail} · viewer`);

    // Read-only: no Settings link, no "New rule".
    const nav = viewer.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Alerts' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await expect(viewer.getByRole('heading', { level: 2, name: 'Rules' })).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'New rule' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: /^Edit rule/ })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Delete rule/ })).toHaveCount(0);
    await snapshot(viewer, testInfo, '2-viewer-alerts');

    // Admin-only pages answer 403 with app/forbidden.tsx in place of the page.
    for (const path of ['/settings/users', '/settings', '/settings/tokens', '/alerts/new']) {
      const response = await viewer.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(viewer.getByRole('heading', { name: 'Admins only' })).toBeVisible();
      await expect(viewer.getByRole('table', { name: 'Users' })).toHaveCount(0);
      await expect(viewer.getByRole('heading', { name: 'New alert rule' })).toHaveCount(0);
    }
    await snapshot(viewer, testInfo, '3-viewer-forbidden');

    // The key page shows the label as text, without the form.
    await viewer.goto(`/keys/${keyFingerprint}`);
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(keyFingerprint);
    await expect(viewer.getByRole('heading', { name: 'Label and environment' })).toBeVisible();
    await expect(viewer.getByText('Only an admin can change these.')).toBeVisible();
    await expect(viewer.getByRole('textbox', { name: 'Label' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await snapshot(viewer, testInfo, '4-viewer-key');

    // With its cookie, the viewer can read the API but not change anything through it.
    const api = viewerContext.request;
    expect((await api.get(`/api/v1/keys/${keyFingerprint}`)).status()).toBe(200);
    const patch = await api.patch(`/api/v1/keys/${keyFingerprint}`, { headers: { Origin: origin }, data: { label: 'renamed by a viewer' } });
    expect(patch.status()).toBe(403);
    expect(await patch.json()).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('viewer') } });
    const post = await api.post('/api/v1/alert-rules', {
      headers: { Origin: origin },
      data: { name: `viewer rule ${run}`, metric: 'rate', codes: [429], comparator: '>', threshold: 0.2, windowSeconds: 300 },
    });
    expect(post.status()).toBe(403);
    expect(await post.json()).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('viewer') } });

    // Their own account page, linked from their email.
    await viewer.goto('/');
    await viewer.getByRole('banner').getByRole('link', { name: viewerEmail }).click();
    await expect(viewer.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(viewer.getByRole('main')).toContainText('role viewer');

    // The admin sees the viewer's sign-in, then deletes them after confirming.
    await page.reload();
    await expect(viewerRow).not.toContainText('never');
    await viewerRow.getByRole('button', { name: `Delete user ${viewerEmail}` }).click();
    await viewerRow.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Deleted ${viewerEmail}.` })).toBeVisible();
    await expect(viewerRow).toHaveCount(0);
    await snapshot(page, testInfo, '5-viewer-deleted');

    // The deleted viewer's next page load goes to the sign-in form.
    await viewer.reload();
    await expect(viewer).toHaveURL(/\/login\?next=%2Faccount$/);
    await expect(viewer.getByRole('heading', { name: 'Sign in to Faultline' })).toBeVisible();
  } finally {
    await viewerContext.close();
  }
});
