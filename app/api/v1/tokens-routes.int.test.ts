// The token API (GET/POST /api/v1/tokens, DELETE /api/v1/tokens/{id}) through the real route
// handlers against a real database: who may use it, the plaintext returned once, revocation.
import { describe, expect, it } from 'vitest';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { DELETE as revokeRoute } from '@/app/api/v1/tokens/[id]/route';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/tokens/route';
import type { TokenSummary } from '@/lib/auth/manage-tokens';
import { setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';

const env = setUpRouteTestEnvForFile();

interface Created {
  token: TokenSummary;
  plaintext: string;
}

const create = (body: unknown, token?: string | null) =>
  env.send(createRoute, '/api/v1/tokens', { method: 'POST', body: JSON.stringify(body), token });
const revoke = (id: string, token?: string) => env.send(revokeRoute, `/api/v1/tokens/${id}`, { method: 'DELETE', params: { id }, token });

async function created(body: Record<string, unknown>): Promise<Created> {
  const res = await create(body);
  if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Created;
}

describe('POST /api/v1/tokens', () => {
  it('creates a token and returns its plaintext once, uncached', async () => {
    const name = uniqueId('api-reader');
    const res = await create({ name, kind: 'api' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, plaintext } = res.body as Created;
    expect(res.headers.get('location')).toBe(`/api/v1/tokens/${token.id}`);
    expect(token).toMatchObject({ name, kind: 'api', access: 'read', revokedAt: null });
    expect(Object.keys(token)).not.toContain('tokenHash');
    expect((await env.get(summaryGet, '/api/v1/summary', plaintext)).status).toBe(200);
  });

  it('answers 422 naming the field when the body is invalid or the name taken', async () => {
    const invalid = await create({ name: '', kind: 'root' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      error: { code: 'unprocessable', fields: { name: [expect.stringContaining('give the token a name')], kind: [expect.any(String)] } },
    });
    const name = uniqueId('taken');
    await created({ name, kind: 'ingest' });
    const again = await create({ name, kind: 'ingest' });
    expect(again.status).toBe(422);
    expect((again.body as { error: { message: string } }).error.message).toContain(`a token named "${name}" already exists`);
  });

  it('is refused to read-only and ingest tokens', async () => {
    const reader = await created({ name: uniqueId('reader'), kind: 'api', access: 'read' });
    const ingest = await created({ name: uniqueId('ingest'), kind: 'ingest' });
    expect((await create({ name: uniqueId('x'), kind: 'api', access: 'read-write' }, reader.plaintext)).status).toBe(403);
    expect((await create({ name: uniqueId('x'), kind: 'api' }, ingest.plaintext)).status).toBe(401);
    expect((await create({ name: uniqueId('x'), kind: 'api' }, null)).status).toBe(401);
  });
});

describe('GET /api/v1/tokens', () => {
  it('lists tokens by display prefix and the environment tokens by name, for admins and read-write tokens only', async () => {
    const { token } = await created({ name: uniqueId('listed'), kind: 'ingest' });
    const res = await env.get<{ tokens: TokenSummary[]; environment: { variable: string }[] }>(listRoute, '/api/v1/tokens');
    expect(res.status).toBe(200);
    expect(res.body.tokens.find((t) => t.id === token.id)).toEqual(token);
    expect(res.body.environment.map((e) => e.variable)).toEqual(['FAULTLINE_INGEST_TOKEN', 'FAULTLINE_API_TOKEN']);
    expect(JSON.stringify(res.body)).not.toContain(env.apiToken);

    const reader = await created({ name: uniqueId('reader'), kind: 'api' });
    const refused = await env.get(listRoute, '/api/v1/tokens', reader.plaintext);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'forbidden', message: 'Listing tokens needs an admin session or a read-write API token.' } });
  });
});

describe('DELETE /api/v1/tokens/{id}', () => {
  it('revokes the token for its next request, idempotently, and 404s an unknown id', async () => {
    const { token, plaintext } = await created({ name: uniqueId('doomed'), kind: 'api', access: 'read-write' });
    expect((await env.get(summaryGet, '/api/v1/summary', plaintext)).status).toBe(200);
    const first = await revoke(String(token.id));
    expect(first.status).toBe(200);
    const revokedAt = (first.body as { token: TokenSummary }).token.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    expect((await env.get(summaryGet, '/api/v1/summary', plaintext)).status).toBe(401);
    const second = await revoke(String(token.id));
    expect(second.status).toBe(200);
    expect((second.body as { token: TokenSummary }).token.revokedAt).toBe(revokedAt);
    for (const id of ['999999', 'abc', '0', '1e3']) expect((await revoke(id)).status).toBe(404);
  });

  it('is refused to read-only tokens', async () => {
    const { token } = await created({ name: uniqueId('kept'), kind: 'ingest' });
    const reader = await created({ name: uniqueId('reader'), kind: 'api' });
    expect((await revoke(String(token.id), reader.plaintext)).status).toBe(403);
  });
});
