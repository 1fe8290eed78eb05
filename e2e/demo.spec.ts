// `npm run demo` as a user runs it, on its own port and database (SQLite or PostgreSQL, as the
// rest of the e2e run): every documented 4xx reaches the dashboard through the instrumentation
// and OTLP, counts grow, the key rotation shows, and no raw API key reaches the database.
// No admin is configured, as for a first-time user: the browser signs in with the generated
// password the demo prints.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import type { Finding } from '../lib/diagnose/finding';
import { fingerprintApiKey } from '../lib/instrument/fingerprint-api-key';
import { demoKeys } from '../lib/mock-voiso/demo-keys';
import { e2eTokens } from '../playwright.config';
import { createDatabase, dropDatabase } from '../scripts/ensure-postgres.mjs';

test.describe.configure({ mode: 'serial' });
// The demo has its own database and users: the e2e admin's session means nothing there (and
// cookies do not tell ports apart), so its pages start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

const root = path.resolve(__dirname, '..');
const port = Number(process.env.FAULTLINE_E2E_DEMO_PORT ?? 3108);
const base = `http://127.0.0.1:${port}`;
const e2eDatabaseUrl = process.env.FAULTLINE_E2E_DATABASE_URL ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(e2eDatabaseUrl);
const outputDir = path.join(process.env.FAULTLINE_E2E_OUTPUT ?? path.join(root, '.test-output', 'e2e'), 'demo');
const sqliteFile = path.join(outputDir, 'faultline.db');
const documentedStatuses = ['401', '403', '404', '406', '409', '422', '429'];

let demo: ChildProcess | undefined;
let demoOutput = '';
let databaseUrl = '';
let adminUrl = '';

function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

test.beforeAll(async () => {
  fs.rmSync(outputDir, { recursive: true, force: true });
  fs.mkdirSync(outputDir, { recursive: true });
  if (onPostgres) {
    adminUrl = adminUrlOf(e2eDatabaseUrl);
    databaseUrl = await createDatabase(adminUrl, 'faultline_demo');
  } else {
    databaseUrl = `file:${sqliteFile}`;
  }
  demo = spawn(process.execPath, [path.join(root, 'scripts', 'demo.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      FAULTLINE_INGEST_TOKEN: e2eTokens.ingest,
      FAULTLINE_API_TOKEN: e2eTokens.api,
      FAULTLINE_ADMIN_EMAIL: undefined,
      FAULTLINE_ADMIN_PASSWORD: undefined,
      FAULTLINE_DEMO_ROTATE_AFTER_S: '8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout?.on('data', (chunk: Buffer) => {
    demoOutput += chunk.toString();
  });
  demo.stderr?.on('data', (chunk: Buffer) => {
    demoOutput += chunk.toString();
  });
});

test.afterAll(async () => {
  // After a failed test the demo may still run: stop it the way a user would, then for sure.
  if (demo && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo?.once('exit', resolve));
    demo.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (demo.exitCode === null) demo.kill('SIGKILL');
  }
  fs.writeFileSync(path.join(outputDir, 'demo-output.txt'), demoOutput);
  if (onPostgres && databaseUrl) await dropDatabase(adminUrl, databaseUrl);
});

interface Summary {
  total: number;
  byStatus: Record<string, number>;
  byErrorKey: Record<string, number>;
}

async function summary(query = ''): Promise<Summary | null> {
  try {
    const res = await fetch(`${base}/api/v1/summary${query}`, { headers: { Authorization: `Bearer ${e2eTokens.api}` } });
    return res.ok ? ((await res.json()) as Summary) : null;
  } catch {
    return null; // the dashboard is not up yet
  }
}

test('every documented 4xx and 2xx reaches the dashboard, and counts grow', async () => {
  test.setTimeout(240_000);
  await expect
    .poll(async () => Object.keys((await summary())?.byStatus ?? {}), { timeout: 200_000, intervals: [1000] })
    .toEqual(expect.arrayContaining(['200', '201', '204', '503', ...documentedStatuses]));

  const first = (await summary())?.total ?? 0;
  await expect.poll(async () => (await summary())?.total ?? 0, { timeout: 20_000 }).toBeGreaterThan(first);

  const keys = Object.keys((await summary())?.byErrorKey ?? {});
  expect(keys).toEqual(
    expect.arrayContaining([
      'Unauthorized',
      'Forbidden',
      'Not found',
      'format: must be one of: json, vtt, srt, text',
      'state: conflict',
      'name: is missing',
      'timezone: must be a string',
      'Too many requests',
    ]),
  );
  // The rotation (after 8 s) turns billing-worker's successes into 401s.
  await expect
    .poll(async () => Object.keys((await summary('?service=billing-worker'))?.byStatus ?? {}), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['200', '401']));
});

// Each persona's mistake, as the diagnosis engine should name it; crm-sync is healthy.
// `also`: codes that are true of the persona too and may appear (cdr-export also bursts).
const expectedDiagnoses: Record<string, { key?: string; codes: string[]; also?: string[] }> = {
  'report-exporter': { codes: ['auth.missing_header'] },
  'legacy-dialer': { codes: ['auth.wrong_scheme'] },
  'billing-worker': { key: demoKeys.acmeRotationOld, codes: ['auth.key_rotated'] },
  'qa-smoke': { key: demoKeys.acmeStagingAdmin, codes: ['auth.wrong_environment'] },
  'campaign-scheduler': { key: demoKeys.acmeAnalyst, codes: ['permission.endpoint_scope'] },
  'partner-bridge': { key: demoKeys.globexAdmin, codes: ['permission.wrong_contact_center'] },
  'old-integration': { key: demoKeys.acmeLegacy, codes: ['not_found.wrong_version', 'not_found.wrong_base_url'] },
  'lead-importer': { key: demoKeys.acmeImporter, codes: ['not_found.missing_resource', 'validation.fields'] },
  'transcript-viewer': { key: demoKeys.acmeTranscripts, codes: ['not_acceptable.accept_header'] },
  'campaign-bot': { key: demoKeys.acmeCampaignBot, codes: ['conflict.state'] },
  'cdr-export': { key: demoKeys.acmeCdrExport, codes: ['rate_limit.no_backoff'], also: ['rate_limit.burst'] },
  'cdr-archiver': { key: demoKeys.acmeCdrArchive, codes: ['rate_limit.burst'] },
  'agent-wallboard': { key: demoKeys.globexWallboard, codes: ['server.errors'] },
  'crm-sync': { key: demoKeys.acmeAdmin, codes: [] },
};

async function diagnosesByPersona(): Promise<Record<string, string[]>> {
  const res = await fetch(`${base}/api/v1/diagnoses`, { headers: { Authorization: `Bearer ${e2eTokens.api}` } });
  if (!res.ok) return {};
  const { diagnoses } = (await res.json()) as { diagnoses: Finding[] };
  const out: Record<string, string[]> = {};
  for (const [service, expected] of Object.entries(expectedDiagnoses)) {
    const fingerprint = expected.key ? fingerprintApiKey(expected.key) : undefined;
    const mine = diagnoses.filter((d) => d.scope.service === service || (fingerprint && d.scope.key === fingerprint));
    out[service] = [...new Set(mine.map((d) => d.code))].sort();
  }
  return out;
}

test('each persona is diagnosed with its own mistake, and the healthy one with none', async () => {
  test.setTimeout(180_000);
  const wanted = Object.fromEntries(Object.entries(expectedDiagnoses).map(([service, e]) => [service, [...e.codes].sort()]));
  // What was found, minus the codes allowed on top: must equal exactly what each persona does wrong.
  const found = async () =>
    Object.fromEntries(
      Object.entries(await diagnosesByPersona()).map(([service, codes]) => [
        service,
        codes.filter((code) => !expectedDiagnoses[service]?.also?.includes(code)),
      ]),
    );
  // Rate-limit and rotation evidence needs a few rounds; wait for it rather than sleeping.
  await expect.poll(found, { timeout: 150_000, intervals: [2000] }).toEqual(wanted);
});

/** The sign-in the demo printed: the dashboard's generated admin password, repeated by the demo. */
function demoSignIn(): { email: string; password: string } {
  const line = /^\[demo\] sign in as: (\S+)\s+password: (\S+)/m.exec(demoOutput);
  expect(line, `the demo prints how to sign in:\n${demoOutput.slice(0, 4000)}`).not.toBeNull();
  expect(demoOutput).toContain(`[faultline] sign in as:    ${line?.[1]}  password: ${line?.[2]}`);
  return { email: line?.[1] ?? '', password: line?.[2] ?? '' };
}

/** Opens `path` on the demo's dashboard, signing in through the form it redirects to. */
async function openSignedIn(page: Page, path: string): Promise<void> {
  const { email, password } = demoSignIn();
  await page.goto(`${base}${path}`);
  await expect(page).toHaveURL(/\/login(\?next=|$)/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
}

test('the overview page shows the demo traffic by status', async ({ page }) => {
  await openSignedIn(page, '/');
  for (const status of documentedStatuses) await expect(page.locator(`tr[data-status="${status}"]`)).toBeVisible();
  await expect(page.getByText('Spans received')).toBeVisible();
});

test('the overview, the problems page and a key page show the findings with their evidence and fix', async ({ page }) => {
  await openSignedIn(page, '/');
  const top = page.getByRole('region', { name: 'Top problems' });
  await expect(top.getByRole('listitem').first()).toBeVisible();

  await page.goto(`${base}/problems`);
  await expect(page.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  for (const code of ['auth.missing_header', 'rate_limit.no_backoff', 'validation.fields', 'not_acceptable.accept_header']) {
    await expect(page.locator(`article[data-code="${code}"]`).first()).toBeVisible();
  }
  // A finding carries its numbers, examples and a way to the calls behind it.
  const noBackoff = page.locator('article[data-code="rate_limit.no_backoff"]').first();
  await expect(noBackoff.getByRole('link', { name: /Show the [\d,]+ calls/ })).toBeVisible();

  await page.goto(`${base}/keys/${fingerprintApiKey(demoKeys.acmeCdrExport)}`);
  const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
  await expect(diagnosis.locator('article[data-code="rate_limit.no_backoff"]')).toBeVisible();
  await expect(diagnosis).toContainText('Retry-After');
});

async function storedText(): Promise<string> {
  if (!onPostgres) {
    return ['', '-wal', '-journal']
      .map((suffix) => `${sqliteFile}${suffix}`)
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('latin1'))
      .join('\n');
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" t`);
      parts.push(...rows.rows.map((r) => r.row));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

test('stops cleanly on SIGTERM, and no raw API key reached the database', async () => {
  test.setTimeout(60_000);
  const exited = new Promise<number | null>((resolve) => demo?.once('exit', (code) => resolve(code)));
  demo?.kill('SIGTERM');
  expect(await exited).toBe(0);

  const stored = await storedText();
  // The fingerprints are there (the last 4 characters of each key, nothing more)...
  expect(stored).toContain(`_${demoKeys.acmeAdmin.slice(-4)}`);
  // ...and no key, nor a recognisable part of one.
  for (const [name, key] of Object.entries(demoKeys)) {
    expect(stored.includes(key), name).toBe(false);
    expect(stored.includes(key.slice(0, 12)), `${name} prefix`).toBe(false);
  }
  expect(stored).not.toMatch(/Bearer [A-Za-z0-9]{8}|Token [A-Za-z0-9]{8}/);
  // The admin's generated password was printed, not stored.
  expect(stored.includes(demoSignIn().password)).toBe(false);
});
