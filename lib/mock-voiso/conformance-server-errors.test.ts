// 5xx injection (forced and random) and transport robustness: odd bodies, hang-ups, malformed requests.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generousRateLimit, jsonType, requestVoiso } from './request-voiso.fixture';
import { startVoisoMock, type VoisoMock } from './start-voiso-mock';

let mock: VoisoMock;

afterEach(() => mock.close());

/** A random source that replays fixed values, so injected failures are exact. */
function scriptedRandom(values: number[]): () => number {
  let i = 0;
  return () => {
    const value = values[i++];
    if (value === undefined) throw new Error('random() called more often than scripted');
    return value;
  };
}

function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('5xx via X-Mock-Fail', () => {
  it.each([
    ['500', 'Internal Server Error', null],
    ['502', 'Bad Gateway', null],
    ['503', 'Service Unavailable', '1'],
  ])('forces %s', async (status, error, retryAfter) => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const reply = await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin, headers: { 'X-Mock-Fail': status } });
    expect(reply.status).toBe(Number(status));
    expect(reply.headers.get('content-type')).toBe(jsonType);
    expect(reply.json).toEqual({ error });
    expect(reply.headers.get('retry-after')).toBe(retryAfter);
    expect(reply.headers.get('x-ratelimit-limit')).toBe('10000');
  });

  it('ignores other X-Mock-Fail values and needs a valid key', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const ignored = await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin, headers: { 'X-Mock-Fail': '418' } });
    expect(ignored.status).toBe(200);
    const anonymous = await requestVoiso(mock, 'acme', '/api/v4/users', { headers: { 'X-Mock-Fail': '500' } });
    expect(anonymous.status).toBe(401);
  });
});

describe('random 5xx at serverErrorRate', () => {
  it('fails the drawn share of authenticated requests with a drawn status', async () => {
    // Each request draws once (fail below 0.3?) and, when failing, once more for the status.
    const random = scriptedRandom([0.1, 0.0, 0.9, 0.2, 0.5, 0.29, 0.99, 0.3]);
    mock = await startVoisoMock({ rateLimit: generousRateLimit, serverErrorRate: 0.3, random });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status);
    }
    expect(statuses).toEqual([500, 200, 502, 503, 200]);
  });

  it('does not draw for unauthenticated requests or when disabled', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit, random: scriptedRandom([]) });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(200);
    await mock.close();
    mock = await startVoisoMock({ rateLimit: generousRateLimit, serverErrorRate: 1, random: scriptedRandom([]) });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users')).status).toBe(401);
  });

  it('rejects a rate outside 0..1', async () => {
    await expect(startVoisoMock({ serverErrorRate: 1.5 })).rejects.toThrow('serverErrorRate must be between 0 and 1');
    mock = await startVoisoMock();
  });
});

describe('transport robustness', () => {
  it('serves a GET that carries a body', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const url = new URL(`${mock.clusters.acme.url}/api/v4/users/1`);
    const body = '{"ignored":true}';
    // fetch refuses a GET body; curl -X GET -d sends one like this, with a Content-Length.
    const headers = { authorization: `Bearer ${mock.keys.acmeAdmin}`, 'content-length': String(body.length) };
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { method: 'GET', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
  });

  it('survives a client that hangs up mid-body', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const url = new URL(`${mock.clusters.acme.url}/api/v4/contacts`);
    await new Promise<void>((resolve) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"name":"half', () => setImmediate(() => req.destroy()));
      req.on('close', () => resolve());
    });
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(200);
  });

  it('answers a malformed request with a JSON 400 and keeps serving', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const raw = await rawExchange(mock.clusters.acme.url, 'GET /api/v4/users HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(raw.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(raw.endsWith('\r\n\r\n{"error":"Bad Request"}')).toBe(true);
    expect((await requestVoiso(mock, 'acme', '/api/v4/users', { key: mock.keys.acmeAdmin })).status).toBe(200);
  });

  it('routes an absolute-form request target by its path', async () => {
    mock = await startVoisoMock({ rateLimit: generousRateLimit });
    const raw = await rawExchange(
      mock.clusters.acme.url,
      `GET http://acme.voiso.com/api/v4/users/2?x=1 HTTP/1.1\r\nHost: acme.voiso.com\r\nAuthorization: Bearer ${mock.keys.acmeAdmin}\r\nConnection: close\r\n\r\n`,
    );
    expect(raw.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(raw).toContain('"name":"Ben Okafor"');
  });
});
