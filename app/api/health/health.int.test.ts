// GET /api/health against a working database (the unavailable cases are in
// health-unavailable.int.test.ts: getDatabase() is one per process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteTestEnv, setUpRouteTestEnv } from '@/lib/testing/route-harness';
import { GET } from './route';

let env: RouteTestEnv;

beforeAll(async () => {
  env = await setUpRouteTestEnv();
});

afterAll(async () => {
  await env?.close();
});

describe('GET /api/health', () => {
  it('answers 200 {"status":"ok"} when the database answers, without a token', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers from the same database the rest of the app uses', async () => {
    // The migrated test database has the app's tables; the health check reached it, not some default file.
    await env.t.db.prisma.ingestMinute.create({ data: { minute: 1, received: 1 } });
    const res = await GET();
    expect(res.status).toBe(200);
    const { getDatabase } = await import('@/lib/db/client');
    expect(await getDatabase().prisma.ingestMinute.count({ where: { minute: 1 } })).toBe(1);
  });
});
