// 400, 404, 406, 409, 413 and 422 conformance over HTTP, each with its exact body and content type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generousRateLimit, jsonType, requestVoiso } from './request-voiso.fixture';
import { startVoisoMock, type VoisoMock } from './start-voiso-mock';

let mock: VoisoMock;
let readyCallId: string;
let processingCallId: string;

beforeAll(async () => {
  mock = await startVoisoMock({ rateLimit: generousRateLimit });
  const calls = await requestVoiso(mock, 'acme', '/api/v4/cdr', { key: mock.keys.acmeAdmin });
  const data = (calls.json as { data: { id: string; transcript_status: string }[] }).data;
  readyCallId = data.find((call) => call.transcript_status === 'ready')?.id ?? '';
  processingCallId = data.find((call) => call.transcript_status === 'processing')?.id ?? '';
});
afterAll(() => mock.close());

const admin = () => mock.keys.acmeAdmin;

describe('400 Bad Request', () => {
  it.each(['{"name":', 'not json', '', '["a"]', 'null'])('answers POST /contacts with body %j', async (body) => {
    const reply = await requestVoiso(mock, 'acme', '/api/v4/contacts', { key: admin(), method: 'POST', body });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error: 'Bad Request' });
  });
});

describe('404 Not found', () => {
  it.each(['/api/v1/users', '/api/v3/users', '/foo', '/'])('answers %s without asking for a key', async (path) => {
    const reply = await requestVoiso(mock, 'acme', path);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error: 'Not found' });
  });

  it.each([
    ['GET', '/api/v4/users/999'],
    ['GET', '/api/v4/users/abc'],
    ['GET', '/api/v4/cdr/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/v4/campaigns/999/start'],
    ['GET', '/api/v4/no-such-resource'],
    ['GET', '/api/v4/users/1/extra'],
    ['PUT', '/api/v4/contacts/1'],
  ])('answers %s %s', async (method, path) => {
    const reply = await requestVoiso(mock, 'acme', path, { key: admin(), method });
    expect([reply.status, reply.json]).toEqual([404, { error: 'Not found' }]);
  });
});

describe('406 Not Acceptable', () => {
  it('answers a transcript requested as text/html, while text/vtt works', async () => {
    const path = `/api/v4/cdr/${readyCallId}/transcript`;
    const refused = await requestVoiso(mock, 'acme', path, { key: admin(), headers: { accept: 'text/html' } });
    expect(refused.status).toBe(406);
    expect(refused.headers.get('content-type')).toBe(jsonType);
    expect(refused.json).toEqual({ errors: { format: ['must be one of: json, vtt, srt, text'] } });

    const vtt = await requestVoiso(mock, 'acme', path, { key: admin(), headers: { accept: 'text/vtt' } });
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt');
    expect(vtt.text.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v agent>')).toBe(true);
  });

  it('answers an unknown ?format=, while ?format=srt wins over Accept', async () => {
    const path = `/api/v4/cdr/${readyCallId}/transcript`;
    const refused = await requestVoiso(mock, 'acme', `${path}?format=pdf`, { key: admin() });
    expect([refused.status, refused.json]).toEqual([406, { errors: { format: ['must be one of: json, vtt, srt, text'] } }]);
    const srt = await requestVoiso(mock, 'acme', `${path}?format=srt`, { key: admin(), headers: { accept: 'text/html' } });
    expect([srt.status, srt.headers.get('content-type')]).toEqual([200, 'application/x-subrip']);
  });
});

describe('409 Conflict', () => {
  it('answers starting a running campaign', async () => {
    const campaigns = await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key: admin() });
    const running = (campaigns.json as { data: { id: number; status: string }[] }).data.find((c) => c.status === 'running');
    const reply = await requestVoiso(mock, 'acme', `/api/v4/campaigns/${running?.id}/start`, { key: admin(), method: 'POST' });
    expect(reply.status).toBe(409);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ errors: { state: ['conflict'] } });
  });

  it('answers pausing a draft and stopping a stopped campaign', async () => {
    for (const path of ['/api/v4/campaigns/1/pause', '/api/v4/campaigns/4/stop']) {
      const reply = await requestVoiso(mock, 'acme', path, { key: admin(), method: 'POST' });
      expect([reply.status, reply.json]).toEqual([409, { errors: { state: ['conflict'] } }]);
    }
  });

  it('answers a transcript that is still processing', async () => {
    const reply = await requestVoiso(mock, 'acme', `/api/v4/cdr/${processingCallId}/transcript`, { key: admin() });
    expect(reply.status).toBe(409);
    expect(reply.json).toEqual({ errors: { state: ['conflict'] } });
  });
});

describe('413 Payload Too Large', () => {
  it('answers a body over 1 MiB, and keeps serving', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024), phone_number: '+447700900123' });
    const reply = await requestVoiso(mock, 'acme', '/api/v4/contacts', { key: admin(), method: 'POST', body });
    expect(reply.status).toBe(413);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error: 'Payload Too Large' });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: admin() })).status).toBe(200);
  });
});

describe('422 Unprocessable Entity', () => {
  it('lists a missing name and a wrongly typed timezone in one response', async () => {
    const body = JSON.stringify({ timezone: 123, dialer_mode: 'predictive' });
    const reply = await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key: admin(), method: 'POST', body });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ errors: { name: ['is missing'], timezone: ['must be a string'] } });
  });

  it('matches enum values exactly, including case', async () => {
    const patch = await requestVoiso(mock, 'acme', '/api/v4/agents/1', { key: admin(), method: 'PATCH', body: '{"status":"Away"}' });
    expect(patch.status).toBe(422);
    expect(patch.json).toEqual({ errors: { status: ['must be one of: available, away, offline'] } });
    const body = JSON.stringify({ name: 'X', timezone: 'Europe/London', dialer_mode: 'PREDICTIVE' });
    const create = await requestVoiso(mock, 'acme', '/api/v4/campaigns', { key: admin(), method: 'POST', body });
    expect(create.json).toEqual({ errors: { dialer_mode: ['must be one of: predictive, progressive, preview'] } });
  });

  it('rejects a phone number that is not E.164', async () => {
    const body = JSON.stringify({ name: 'X', phone_number: '07700 900123' });
    const reply = await requestVoiso(mock, 'acme', '/api/v4/contacts', { key: admin(), method: 'POST', body });
    expect([reply.status, reply.json]).toEqual([422, { errors: { phone_number: ['is in invalid format'] } }]);
  });

  it('rejects paging and date parameters out of range', async () => {
    const perPage = await requestVoiso(mock, 'acme', '/api/v4/users?per_page=101', { key: admin() });
    expect([perPage.status, perPage.json]).toEqual([422, { errors: { per_page: ['must be between 1 and 100'] } }]);
    const cdr = await requestVoiso(mock, 'acme', '/api/v4/cdr?from=yesterday&per_page=0', { key: admin() });
    expect(cdr.json).toEqual({ errors: { per_page: ['must be between 1 and 100'], from: ['is in invalid format'] } });
  });
});
