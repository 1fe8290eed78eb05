// The health check, the read API and the OTLP receiver when the database cannot answer:
// a port where nothing listens (refused at once) and a server that accepts connections and
// then says nothing (a hung database). Each must answer 503 within seconds, not hang.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { POST as tracesPost } from '@/app/v1/traces/route';
import { disconnectDatabase } from '@/lib/db/client';
import { resetEnvForTests } from '@/lib/env';
import { apiRequest, readOtlpStatus } from '@/lib/testing/route-harness';
import { GET as healthGet } from './route';

const ingestToken = `fl_ingest_test_${randomBytes(16).toString('hex')}`;
const apiToken = `fl_api_test_${randomBytes(16).toString('hex')}`;

async function useDatabaseUrl(url: string): Promise<void> {
  await disconnectDatabase();
  Object.assign(process.env, { DATABASE_URL: url, FAULTLINE_INGEST_TOKEN: ingestToken, FAULTLINE_API_TOKEN: apiToken });
  resetEnvForTests();
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

const emptyExport = () =>
  new Request('http://localhost/v1/traces', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ingestToken}` },
    body: JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: randomBytes(16).toString('hex'),
                  spanId: randomBytes(8).toString('hex'),
                  kind: 3,
                  name: 'GET',
                  startTimeUnixNano: String(BigInt(Date.now()) * 1_000_000n),
                  endTimeUnixNano: String(BigInt(Date.now() + 5) * 1_000_000n),
                  attributes: [
                    { key: 'http.request.method', value: { stringValue: 'GET' } },
                    { key: 'http.response.status_code', value: { intValue: 200 } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }),
  });

afterAll(async () => {
  await disconnectDatabase();
});

describe('a PostgreSQL port where nothing listens', () => {
  beforeAll(async () => {
    await useDatabaseUrl('postgresql://postgres@127.0.0.1:1/faultline_nowhere');
  });

  it('GET /api/health answers 503 with Retry-After within a few seconds', async () => {
    const { value: res, ms } = await timed(() => healthGet());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ status: 'unavailable', message: expect.any(String) });
    expect(ms).toBeLessThan(3_000);
  });

  it('the read API answers 503 "unavailable" in its JSON error shape', async () => {
    const { value: res, ms } = await timed(() => summaryGet(apiRequest('/api/v1/summary', apiToken)));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/database is unavailable/) } });
    expect(ms).toBeLessThan(6_000);
  });

  it('the OTLP receiver answers 503 with an UNAVAILABLE Status and Retry-After', async () => {
    const { value: res, ms } = await timed(() => tracesPost(emptyExport()));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await readOtlpStatus(res, 'json')).toEqual({ code: 14, message: expect.stringMatching(/database is unavailable; nothing was stored/) });
    expect(ms).toBeLessThan(6_000);
  });
});

describe('a database server that accepts connections and never answers', () => {
  let server: net.Server;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await useDatabaseUrl(`postgresql://postgres@127.0.0.1:${port}/faultline_hung`);
  });

  afterAll(async () => {
    await disconnectDatabase();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('GET /api/health answers 503 after its 2 s ping timeout instead of hanging', async () => {
    const { value: res, ms } = await timed(() => healthGet());
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
    expect(ms).toBeGreaterThanOrEqual(1_900);
    expect(ms).toBeLessThan(4_000);
  });

  it('concurrent health checks all answer 503 within the ping timeout', async () => {
    const { value: responses, ms } = await timed(() => Promise.all(Array.from({ length: 5 }, () => healthGet())));
    expect(responses.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(ms).toBeLessThan(4_000);
  });

  it('the read API answers 503 once the connection attempt times out', async () => {
    const { value: res, ms } = await timed(() => summaryGet(apiRequest('/api/v1/summary', apiToken)));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(ms).toBeLessThan(12_000);
  });
});
