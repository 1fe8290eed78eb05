// Tokens as an admin manages them at /settings/tokens, used against the running server: an
// ingest token is shown once, sends spans, and stops working the moment it is revoked in the
// UI; a read-only API token reads the API and is refused changes.
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { oneCallOtlpJson } from '../lib/testing/one-call-otlp-json';


const sendSpans = (request: APIRequestContext, token: string, fingerprint = 'fp_e2etokens') =>
  request.post('/v1/traces', { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, data: oneCallOtlpJson({ service: 'e2e-tokens', statusCode: 401, url: 'https://cc1.voiso.com/api/v4/users', fingerprint }) });

/** Creates a token through the form and reads it from the shown-once box. */
async function createToken(page: Page, name: string, kind: 'ingest' | 'api', access?: 'read' | 'read-write'): Promise<string> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Kind').selectOption(kind);
  if (access) await page.getByLabel('Access').selectOption(access);
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: new RegExp(`New .*“${name}”`) });
  await expect(shown).toBeVisible();
  await expect(shown.getByText('it will not be shown again')).toBeVisible();
  const token = (await shown.getByTestId('new-token-value').textContent()) ?? '';
  expect(token).toMatch(kind === 'ingest' ? /^fl_ingest_[A-Za-z0-9_-]{32}$/ : /^fl_api_[A-Za-z0-9_-]{32}$/);
  await expect(shown).toContainText(
    kind === 'ingest' ? `OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20${token}"` : `curl -H "Authorization: Bearer ${token}"`,
  );
  return token;
}

test('an ingest token is shown once, sends spans, and is refused right after it is revoked in the UI', async ({ page, request }) => {
  const name = `e2e ingest ${randomBytes(3).toString('hex')}`;
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { name: 'Tokens', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tokens' })).toHaveAttribute('aria-current', 'page');
  // The environment's tokens are valid but not stored, so only the environment can revoke them.
  await expect(page.getByText('FAULTLINE_INGEST_TOKEN is set in the environment: remove it there to revoke it')).toBeVisible();

  const token = await createToken(page, name, 'ingest');
  expect((await sendSpans(request, token)).status()).toBe(200);

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 'fl_ingest_'.length + 4)}…`);
  await expect(page.getByTestId('new-token-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  // Nor in the HTML or the React payload the server sends for the page.
  expect(await (await page.request.get('/settings/tokens')).text()).not.toContain(token.slice('fl_ingest_'.length));

  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(row).toContainText('Revoked');
  const refused = await sendSpans(request, token);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).message).toBe('Invalid ingest token: it is unknown or was revoked');
});

test('a read-only API token reads the API and is refused changes with a reason', async ({ page, request }) => {
  const name = `e2e reader ${randomBytes(3).toString('hex')}`;
  await page.goto('/settings/tokens');
  const token = await createToken(page, name, 'api', 'read');
  const auth = { Authorization: `Bearer ${token}` };

  expect((await request.get('/api/v1/summary', { headers: auth })).status()).toBe(200);
  const patch = await request.patch('/api/v1/keys/fp_e2etokens', { headers: auth, data: { label: 'not allowed' } });
  expect(patch.status()).toBe(403);
  expect(await patch.json()).toEqual({
    error: { code: 'forbidden', message: `The API token "${name}" is read-only; create a read-write API token at /settings/tokens.` },
  });
  // An API token never ingests.
  expect((await sendSpans(request, token)).status()).toBe(401);

  // Names are unique: the form says so next to the field.
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not created' })).toHaveText('Not created: one field needs attention.');
  await expect(page.getByText(`a token named "${name}" already exists`)).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await expect(page.getByTestId('new-token-value')).toHaveCount(0);

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('read');
  // Used just now (last use is written at most once a minute, and this was its first).
  await expect(row.getByRole('cell').nth(5)).not.toHaveText('never');
});
