// Which token opens which door, through the real route handlers against a real database: an
// ingest token only sends spans, an API token only reads (and changes, when read-write) the
// API, the environment's bootstrap tokens follow the same rules, and a revoked token is
// refused on the very next request.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST as postAlertRule } from '@/app/api/v1/alert-rules/route';
import { PATCH as patchKey } from '@/app/api/v1/keys/[fingerprint]/route';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { POST as postTraces } from '@/app/v1/traces/route';
import { createToken, revokeToken } from '@/lib/auth/manage-tokens';
import { setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';
import { oneCallOtlpJson } from '@/lib/testing/one-call-otlp-json';

const env = setUpRouteTestEnvForFile();

interface ErrorBody {
  error: { code: string; message: string };
}


const ingest = (token: string, fingerprint = 'fp_tokens0001') =>
  env.send(postTraces, '/v1/traces', { method: 'POST', token, body: oneCallOtlpJson({ service: 'token-kinds-test', statusCode: 200, url: 'https://api.example.com/v1/things', fingerprint }) });
const readSummary = (token: string) => env.send(summaryGet, '/api/v1/summary', { token });
const patchLabels = (token: string, fingerprint: string) =>
  env.send(patchKey, `/api/v1/keys/${fingerprint}`, {
    method: 'PATCH',
    token,
    params: { fingerprint },
    body: JSON.stringify({ label: 'billing worker' }),
  });
const alertRuleBody = () =>
  JSON.stringify({ name: uniqueId('rule'), metric: 'rate', codes: [429], comparator: '>', threshold: 0.2, windowSeconds: 300 });
const createRule = (token: string) => env.send(postAlertRule, '/api/v1/alert-rules', { method: 'POST', token, body: alertRuleBody() });

async function stored(kind: 'ingest' | 'api', access?: 'read' | 'read-write') {
  const created = await createToken(env.t.db, { name: uniqueId(`${kind}-${access ?? 'only'}`), kind, ...(access ? { access } : {}) });
  if (!created.ok) throw new Error(created.message);
  return created;
}

const messageOf = (body: unknown) => (body as ErrorBody).error?.message ?? (body as { message: string }).message;

describe('a stored ingest token', () => {
  it('sends spans but cannot read the API, and is told why', async () => {
    const { plaintext } = await stored('ingest');
    expect((await ingest(plaintext)).status).toBe(200);
    const read = await readSummary(plaintext);
    expect(read.status).toBe(401);
    expect(read.headers.get('www-authenticate')).toBe('Bearer');
    expect(messageOf(read.body)).toMatch(/it is an ingest token, which only \/v1\/traces accepts; use an API token/);
  });
});

describe('a stored API token', () => {
  it('reads the API but cannot send spans, and is told why', async () => {
    const { plaintext } = await stored('api', 'read');
    expect((await readSummary(plaintext)).status).toBe(200);
    const sent = await ingest(plaintext);
    expect(sent.status).toBe(401);
    expect(messageOf(sent.body)).toMatch(/it is an API token, and only ingest tokens are accepted by \/v1\/traces/);
  });

  it('that is read-only answers 403 on changes with what to do instead', async () => {
    const fingerprint = `fp_ro${randomBytes(4).toString('hex')}`;
    expect((await ingest(env.ingestToken, fingerprint)).status).toBe(200);
    const { plaintext, token } = await stored('api', 'read');
    expect((await readSummary(plaintext)).status).toBe(200);
    for (const res of [await patchLabels(plaintext, fingerprint), await createRule(plaintext)]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: {
          code: 'forbidden',
          message: `The API token "${token.name}" is read-only; create a read-write API token at /settings/tokens.`,
        },
      });
    }
  });

  it('that is read-write may change labels and alert rules', async () => {
    const fingerprint = `fp_rw${randomBytes(4).toString('hex')}`;
    expect((await ingest(env.ingestToken, fingerprint)).status).toBe(200);
    const { plaintext } = await stored('api', 'read-write');
    const patched = await patchLabels(plaintext, fingerprint);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ key: { label: 'billing worker' } });
    const created = await createRule(plaintext);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });
});

describe('the environment tokens', () => {
  it('FAULTLINE_INGEST_TOKEN sends spans and cannot read the API', async () => {
    expect((await ingest(env.ingestToken)).status).toBe(200);
    const read = await readSummary(env.ingestToken);
    expect(read.status).toBe(401);
    expect(messageOf(read.body)).toMatch(/it is an ingest token/);
  });

  it('FAULTLINE_API_TOKEN reads and changes the API and cannot send spans', async () => {
    expect((await readSummary(env.apiToken)).status).toBe(200);
    expect((await createRule(env.apiToken)).status).toBe(201);
    const sent = await ingest(env.apiToken);
    expect(sent.status).toBe(401);
    expect(messageOf(sent.body)).toMatch(/it is an API token/);
  });
});

describe('revocation', () => {
  it('refuses a revoked ingest token on the very next request', async () => {
    const { plaintext, token } = await stored('ingest');
    expect((await ingest(plaintext)).status).toBe(200);
    expect((await ingest(plaintext)).status).toBe(200);
    await revokeToken(env.t.db, token.id);
    const next = await ingest(plaintext);
    expect(next.status).toBe(401);
    expect(messageOf(next.body)).toBe('Invalid ingest token: it is unknown or was revoked');
  });

  it('refuses a revoked API token on the very next request', async () => {
    const { plaintext, token } = await stored('api', 'read-write');
    expect((await readSummary(plaintext)).status).toBe(200);
    expect((await readSummary(plaintext)).status).toBe(200);
    await revokeToken(env.t.db, token.id);
    const next = await readSummary(plaintext);
    expect(next.status).toBe(401);
    expect(messageOf(next.body)).toBe('Invalid API token: it is unknown or was revoked');
  });

  it('records when a token was last used', async () => {
    const { plaintext, token } = await stored('api', 'read');
    const before = Date.now();
    expect((await readSummary(plaintext)).status).toBe(200);
    const row = await env.t.db.prisma.token.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
