// listRequests and getRequestById against a real database: every filter, error keys from
// request_error_keys, key labels, (start_ms, id) cursor paging with ties and concurrent
// inserts, and the status index on SQLite.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { makeRequest } from '@/lib/testing/make-request';
import { uniqueId } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';
import { testProvider, createTestDatabaseForFile } from '@/lib/testing/test-database';
import { Prisma } from '../generated/sqlite/client';
import { getRequestById } from './get-request-by-id';
import { listRequests, listRequestsSql, type RequestCursor, type RequestFilter } from './list-requests';
import type { StoredRequest } from './stored-request';

const t = createTestDatabaseForFile();

const minute = 60_000;
const base = Date.UTC(2026, 1, 3, 9, 0);
const range = { fromMs: base, toMs: base + 60 * minute };

const seed = (requests: ClassifiedRequest[]) => seedCalls(t.db, requests);

const idsOf = (requests: StoredRequest[]) => requests.map((r) => r.spanId);

/** Every page of a filter, following nextCursor, checking the page size on the way. */
async function allPages(filter: RequestFilter, limit: number): Promise<StoredRequest[][]> {
  const pages: StoredRequest[][] = [];
  let cursor: RequestCursor | undefined;
  for (;;) {
    const page = await listRequests(t.db, filter, { limit, cursor });
    pages.push(page.requests);
    if (!page.nextCursor) return pages;
    expect(page.requests).toHaveLength(limit);
    expect(page.nextCursor).toEqual({ startMs: page.requests.at(-1)!.startMs, id: page.requests.at(-1)!.id });
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('paging does not end');
  }
}

describe('listRequests filters', () => {
  const service = uniqueId('svc');
  const epA = `ep${randomBytes(7).toString('hex')}`;
  const epB = `ep${randomBytes(7).toString('hex')}`;
  const fpA = uniqueId('fp_a');
  const calls = {
    ok: makeRequest({ service, startMs: base + 1_000, statusCode: 200, endpointId: epA, apiKeyFingerprint: fpA }),
    unauthorized: makeRequest({ service, startMs: base + 2_000, statusCode: 401, endpointId: epA, apiKeyFingerprint: fpA }),
    forbidden: makeRequest({ service, startMs: base + 3_000, statusCode: 403, errorKeys: ['Forbidden'], endpointId: epB, apiKeyFingerprint: '' }),
    throttled: makeRequest({ service, startMs: base + 4_000, statusCode: 429, errorKeys: ['Too many requests'], environment: 'staging' }),
    invalid: makeRequest({
      service,
      startMs: base + 5_000,
      statusCode: 422,
      errorKeys: ['name: is missing', 'timezone: must be a string'],
      environment: '',
      extraAttributes: { 'app.tenant': 'acme', 'app.flags': ['a', 'b'], 'app.retries': 2 },
    }),
    network: makeRequest({ service, startMs: base + 6_000, statusCode: 0, errorKeys: ['ECONNRESET'], errorType: 'ECONNRESET' }),
    serverError: makeRequest({ service, startMs: base + 7_000, statusCode: 503, errorKeys: ['Service Unavailable'] }),
    redirect: makeRequest({ service, startMs: base + 8_000, statusCode: 302 }),
    // The range includes its start and excludes its end.
    atStart: makeRequest({ service, startMs: range.fromMs, statusCode: 200 }),
    atEnd: makeRequest({ service, startMs: range.toMs, statusCode: 401 }),
    before: makeRequest({ service, startMs: range.fromMs - 1, statusCode: 401 }),
  };
  const spans = (...names: (keyof typeof calls)[]) => names.map((n) => calls[n].spanId);
  const list = async (extra: Partial<RequestFilter>) =>
    idsOf((await listRequests(t.db, { ...range, service, ...extra }, { limit: 100 })).requests);

  beforeAll(async () => {
    await seed(Object.values(calls));
  });

  it('lists the range newest first, start included and end excluded', async () => {
    expect(await list({})).toEqual(
      spans('redirect', 'serverError', 'network', 'invalid', 'throttled', 'forbidden', 'unauthorized', 'ok', 'atStart'),
    );
  });

  it.each<[string, Partial<RequestFilter>, (keyof typeof calls)[]]>([
    ['one status', { statuses: [429] }, ['throttled']],
    ['several statuses', { statuses: [401, 403] }, ['forbidden', 'unauthorized']],
    ['status 0 (no response)', { statuses: [0] }, ['network']],
    ['a class', { statusClass: '4xx' }, ['invalid', 'throttled', 'forbidden', 'unauthorized']],
    ['the network class', { statusClass: 'network' }, ['network']],
    ['failed calls only', { failedOnly: true }, ['serverError', 'network', 'invalid', 'throttled', 'forbidden', 'unauthorized']],
    ['an endpoint', { endpoint: epA }, ['unauthorized', 'ok']],
    ['a key', { key: fpA }, ['unauthorized', 'ok']],
    ['calls without a key', { key: '' }, ['forbidden']],
    ['an environment', { environment: 'staging' }, ['throttled']],
    ['the empty environment', { environment: '' }, ['invalid']],
    ['the first error key', { errorKey: 'name: is missing' }, ['invalid']],
    ['a later error key, through request_error_keys', { errorKey: 'timezone: must be a string' }, ['invalid']],
    ['an error key no call has', { errorKey: 'nothing like it' }, []],
    ['filters together', { statusClass: '4xx', failedOnly: true, key: fpA, statuses: [401, 429] }, ['unauthorized']],
  ])('filters by %s', async (_what, filter, expected) => {
    expect(await list(filter)).toEqual(spans(...expected));
  });

  it('another service sees none of these calls', async () => {
    expect(await list({ service: uniqueId('svc-other') })).toEqual([]);
  });

  it('returns every stored attribute, all error keys (the first first) and the key label', async () => {
    await t.db.prisma.apiKey.update({ where: { fingerprint: fpA }, data: { label: 'billing worker, production' } });
    const [invalid] = (await listRequests(t.db, { ...range, service, statuses: [422] }, { limit: 10 })).requests;
    const c = calls.invalid;
    expect(invalid).toEqual({
      id: expect.any(Number),
      traceId: c.traceId,
      spanId: c.spanId,
      parentSpanId: null,
      spanName: 'GET',
      startMs: c.startMs,
      durationMs: 42,
      service,
      environment: '',
      endpointId: c.endpointId,
      method: 'GET',
      host: 'cc1.voiso.com',
      route: '/api/v4/users',
      statusCode: 422,
      statusClass: '4xx',
      errorType: null,
      errorKey: 'name: is missing',
      errorKeys: ['name: is missing', 'timezone: must be a string'],
      errorBody: c.errorBody,
      apiKeyFingerprint: 'fp_test',
      apiKeyLabel: null,
      authScheme: 'bearer',
      accept: 'application/json',
      retryAfter: null,
      resendCount: null,
      extraAttributes: { 'app.tenant': 'acme', 'app.flags': ['a', 'b'], 'app.retries': 2 },
      receivedMs: expect.any(Number),
    });
    const [unauthorized] = (await listRequests(t.db, { ...range, key: fpA, statuses: [401] }, { limit: 10 })).requests;
    expect(unauthorized?.apiKeyLabel).toBe('billing worker, production');
    expect((await listRequests(t.db, { ...range, service, statuses: [200] }, { limit: 10 })).requests[0]?.errorKeys).toEqual([]);
  });

  it('reads one call by id with all its error keys, and null for an unknown id', async () => {
    const [listed] = (await listRequests(t.db, { ...range, service, statuses: [422] }, { limit: 1 })).requests;
    const found = await getRequestById(t.db, listed!.id);
    expect(found).toEqual(listed);
    expect(found?.errorKeys).toEqual(['name: is missing', 'timezone: must be a string']);
    const [net] = (await listRequests(t.db, { ...range, service, statuses: [0] }, { limit: 1 })).requests;
    expect(await getRequestById(t.db, net!.id)).toMatchObject({ statusCode: 0, statusClass: 'network', errorType: 'ECONNRESET', errorKeys: ['ECONNRESET'] });
    expect(await getRequestById(t.db, 2_147_483_647)).toBeNull();
  });
});

describe('listRequests cursor paging', () => {
  it('walks every call exactly once across pages, ties in start time ordered by id', async () => {
    const service = uniqueId('svc-page');
    // 23 calls on 5 start times: most pages end in the middle of a tie.
    await seed(Array.from({ length: 23 }, (_, i) => makeRequest({ service, startMs: base + 10 * minute + (i % 5) * 1_000, statusCode: 429 })));
    const filter = { ...range, service };
    const expected = await t.db.prisma.request.findMany({ where: { service }, orderBy: [{ startMs: 'desc' }, { id: 'desc' }] });
    expect(expected).toHaveLength(23);

    for (const limit of [1, 4, 5, 7, 23, 50]) {
      const pages = await allPages(filter, limit);
      expect(pages.flat().map((r) => r.id), `limit ${limit}`).toEqual(expected.map((r) => r.id));
      expect(pages).toHaveLength(Math.max(1, Math.ceil(23 / limit)));
    }
    const [single] = await allPages(filter, 23);
    expect(single).toHaveLength(23);
  });

  it('is not disturbed by calls stored between page fetches', async () => {
    const service = uniqueId('svc-live');
    const tie = base + 20 * minute;
    await seed(Array.from({ length: 12 }, (_, i) => makeRequest({ service, startMs: tie - Math.floor(i / 3) * 1_000, statusCode: 401 })));
    const filter = { ...range, service };
    const before = (await listRequests(t.db, filter, { limit: 100 })).requests;
    const first = await listRequests(t.db, filter, { limit: 4 });
    expect(idsOf(first.requests)).toEqual(idsOf(before.slice(0, 4)));
    // The cursor sits inside a tie of three calls at tie - 1 s.
    expect(first.nextCursor?.startMs).toBe(tie - 1_000);

    // New calls arrive: newer ones, and one at exactly the cursor's time (it gets a higher id,
    // so it sorts before the cursor and belongs to the first page's past, not the next page).
    await seed([
      makeRequest({ service, startMs: tie + 5_000, statusCode: 401 }),
      makeRequest({ service, startMs: tie + 1, statusCode: 401 }),
      makeRequest({ service, startMs: tie - 1_000, statusCode: 401 }),
    ]);
    const second = await listRequests(t.db, filter, { limit: 4, cursor: first.nextCursor! });
    expect(idsOf(second.requests)).toEqual(idsOf(before.slice(4, 8)));
    const third = await listRequests(t.db, filter, { limit: 4, cursor: second.nextCursor! });
    expect(idsOf(third.requests)).toEqual(idsOf(before.slice(8, 12)));
    expect(third.nextCursor).toBeNull();

    // A late export of an older call shows up where it belongs, on the page it falls in.
    const late = makeRequest({ service, startMs: tie - 10_000, statusCode: 401 });
    await seed([late]);
    const fourth = await listRequests(t.db, filter, { limit: 4, cursor: second.nextCursor! });
    expect(idsOf(fourth.requests)).toEqual([...idsOf(before.slice(8, 12)), late.spanId].slice(0, 4));
    expect(fourth.nextCursor).not.toBeNull();
  });

  it('has no next page when the last page is exactly full', async () => {
    const service = uniqueId('svc-exact');
    await seed(Array.from({ length: 6 }, (_, i) => makeRequest({ service, startMs: base + 30 * minute + i, statusCode: 500 })));
    const first = await listRequests(t.db, { ...range, service }, { limit: 3 });
    const second = await listRequests(t.db, { ...range, service }, { limit: 3, cursor: first.nextCursor! });
    expect([first.requests.length, second.requests.length, second.nextCursor]).toEqual([3, 3, null]);
  });
});

describe.runIf(testProvider() === 'sqlite')('the status query plan on SQLite', () => {
  async function plan(filter: RequestFilter, cursor?: RequestCursor): Promise<string> {
    const rows = await t.db.prisma.$queryRaw<{ detail: string }[]>(
      Prisma.sql`EXPLAIN QUERY PLAN ${listRequestsSql(filter, { limit: 50, cursor })}`,
    );
    return rows.map((r) => r.detail).join('\n');
  }

  it('reads ?status=429 over a range through requests_status_code_start_ms_idx, without sorting', async () => {
    for (const cursor of [undefined, { startMs: base + 30 * minute, id: 1_000 }]) {
      const text = await plan({ ...range, statuses: [429] }, cursor);
      expect(text).toMatch(/SEARCH r USING INDEX requests_status_code_start_ms_idx \(status_code=\? AND start_ms>\? AND start_ms<\?\)/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('uses the same index for a list of statuses', async () => {
    expect(await plan({ ...range, statuses: [401, 403] })).toMatch(/USING INDEX requests_status_code_start_ms_idx/);
  });
});
