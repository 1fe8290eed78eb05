// 2xx conformance over HTTP: 200 reads and updates, 201 creates, 204 deletes, campaign transitions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generousRateLimit, jsonType, requestVoiso } from './request-voiso.fixture';
import { startVoisoMock, type VoisoMock } from './start-voiso-mock';

const frozenNow = Date.parse('2026-03-01T12:00:00Z');
let mock: VoisoMock;

beforeEach(async () => {
  mock = await startVoisoMock({ rateLimit: generousRateLimit, now: () => frozenNow });
});
afterEach(() => mock.close());

describe('200 OK', () => {
  it('lists users with paging meta and rate-limit headers', async () => {
    const reply = await requestVoiso(mock, 'acme', '/api/v4/users?per_page=2&page=2', { key: mock.keys.acmeAdmin });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.headers.get('x-ratelimit-limit')).toBe('10000');
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('9999');
    expect(reply.json).toEqual({
      data: [
        { id: 3, name: 'Chloe Martin', email: 'chloe.martin@acme.example', role: 'agent', created_at: '2025-01-06T09:00:00.000Z' },
        { id: 4, name: 'Dev Patel', email: 'dev.patel@acme.example', role: 'agent', created_at: '2025-01-06T09:00:00.000Z' },
      ],
      meta: { page: 2, per_page: 2, total: 4 },
    });
  });

  it('reads one record as { data }', async () => {
    const reply = await requestVoiso(mock, 'globex', '/api/v4/users/1', { key: mock.keys.globexAdmin });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      data: { id: 1, name: 'Greta Lind', email: 'greta.lind@globex.example', role: 'admin', created_at: '2025-01-06T09:00:00.000Z' },
    });
  });

  it('updates an agent status and keeps it', async () => {
    const key = mock.keys.acmeAdmin;
    const patched = await requestVoiso(mock, 'acme', '/api/v4/agents/3', { key, method: 'PATCH', body: '{"status":"available"}' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ data: { id: 3, status: 'available', updated_at: '2026-03-01T12:00:00.000Z' } });
    const read = await requestVoiso(mock, 'acme', '/api/v4/agents/3', { key });
    expect(read.json).toMatchObject({ data: { status: 'available' } });
  });

  it('filters call records by from/to', async () => {
    const reply = await requestVoiso(mock, 'acme', '/api/v4/cdr?from=2025-01-08&to=2025-01-10T00:00:00Z', {
      key: mock.keys.acmeReadOnly,
    });
    expect(reply.status).toBe(200);
    const body = reply.json as { data: { started_at: string }[]; meta: unknown };
    expect(body.data.map((call) => call.started_at)).toEqual(['2025-01-08T10:00:00.000Z', '2025-01-09T11:00:00.000Z']);
    expect(body.meta).toEqual({ page: 1, per_page: 25, total: 2 });
  });

  it('serves staging keys on the staging cluster', async () => {
    const reply = await requestVoiso(mock, 'acme-staging', '/api/v4/users/1', { key: mock.keys.acmeStagingAdmin });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ data: { name: 'Stage Admin' } });
  });

  it('serves a ready transcript as JSON by default', async () => {
    const key = mock.keys.acmeAnalyst;
    const calls = (await requestVoiso(mock, 'acme', '/api/v4/cdr', { key })).json as { data: { id: string }[] };
    const callId = calls.data[0]?.id ?? '';
    expect(callId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const reply = await requestVoiso(mock, 'acme', `/api/v4/cdr/${callId}/transcript`, { key });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    const body = reply.json as { data: { call_id: string; segments: unknown[] } };
    expect(body.data.call_id).toBe(callId);
    expect(body.data.segments[0]).toEqual({
      start: 0,
      end: 2.5,
      speaker: 'agent',
      text: 'Thank you for calling, how can I help you today?',
    });
  });
});

describe('201 Created and 204 No Content', () => {
  it('creates, updates and deletes a contact; ids are not reused', async () => {
    const key = mock.keys.acmeAnalyst;
    const input = { name: 'Zoe Quinn', phone_number: '+447700900999', timezone: 'Europe/London' };
    const created = await requestVoiso(mock, 'acme', '/api/v4/contacts', { key, method: 'POST', body: JSON.stringify(input) });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe(jsonType);
    const stamp = '2026-03-01T12:00:00.000Z';
    expect(created.json).toEqual({ data: { id: 6, ...input, email: null, created_at: stamp, updated_at: stamp } });

    const patched = await requestVoiso(mock, 'acme', '/api/v4/contacts/6', { key, method: 'PATCH', body: '{"email":"zoe@x.example"}' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ data: { id: 6, name: 'Zoe Quinn', email: 'zoe@x.example' } });

    const deleted = await requestVoiso(mock, 'acme', '/api/v4/contacts/6', { key, method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(deleted.headers.get('content-type')).toBeNull();
    expect((await requestVoiso(mock, 'acme', '/api/v4/contacts/6', { key })).status).toBe(404);

    const again = await requestVoiso(mock, 'acme', '/api/v4/contacts', { key, method: 'POST', body: JSON.stringify(input) });
    expect(again.json).toMatchObject({ data: { id: 7 } });
  });

  it('creates a campaign as draft and walks it through start, pause, start, stop', async () => {
    const key = mock.keys.acmeAdmin;
    const body = JSON.stringify({ name: 'Autumn', timezone: 'America/New_York', dialer_mode: 'preview' });
    const created = await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key, method: 'POST', body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ data: { id: 5, name: 'Autumn', dialer_mode: 'preview', status: 'draft' } });
    const statuses: unknown[] = [];
    for (const command of ['start', 'pause', 'start', 'stop']) {
      const reply = await requestVoiso(mock, 'acme', `/api/v4/campaigns/5/${command}`, { key, method: 'POST' });
      expect(reply.status).toBe(200);
      statuses.push((reply.json as { data: { status: string } }).data.status);
    }
    expect(statuses).toEqual(['running', 'paused', 'running', 'stopped']);
  });

  it('rotates keys: the old key gets 401 after revocation, the new one keeps working', async () => {
    const { acmeRotationOld, acmeRotationNew } = mock.keys;
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: acmeRotationOld })).status).toBe(200);
    mock.revokeKey(acmeRotationOld);
    const revoked = await requestVoiso(mock, 'acme', '/api/v4/users', { key: acmeRotationOld });
    expect(revoked.status).toBe(401);
    expect(revoked.json).toEqual({ error: 'Unauthorized' });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: acmeRotationNew })).status).toBe(200);
  });
});
