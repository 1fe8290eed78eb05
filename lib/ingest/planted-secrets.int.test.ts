// Secret scrubbing at ingest, end to end: spans with unique secrets planted in credential
// headers, query strings, unknown and opted-in attributes, resource attributes, span names,
// error.type and error bodies go through the real POST /v1/traces handler (protobuf and JSON,
// from the real serializers and hand-built with maps), and no byte of the database holds one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/v1/traces/route';
import { getRequestById } from '@/lib/db/queries/get-request-by-id';
import { type OtlpFormat, recordSpans, serializeSpans } from '@/lib/testing/otel-spans';
import { setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';
import { testProvider } from '@/lib/testing/test-database';
import { plantSecrets } from './planted-secrets.fixture';

// Listed on purpose: credential headers and URL attributes must stay out even when an operator lists them.
const extraAttributes = [
  'app.*',
  'http.request.header.*',
  'http.response.header.*',
  'http.request.headers',
  'url.full',
  'http.url',
  'http.target',
  'url.query',
];
const env = setUpRouteTestEnvForFile({ FAULTLINE_EXTRA_ATTRIBUTES: extraAttributes.join(',') });
const { planted, stored, sdkSpecs, resource, handBuiltBody } = plantSecrets();

async function post(body: Uint8Array | string, format: OtlpFormat, gzip: boolean): Promise<void> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${env.ingestToken}`,
    'Content-Type': format === 'json' ? 'application/json' : 'application/x-protobuf',
  };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  const payload = gzip ? zlib.gzipSync(body) : body;
  const res = await POST(
    new Request('http://localhost/v1/traces', { method: 'POST', headers, body: payload as string | Uint8Array<ArrayBuffer> }),
  );
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The SQLite file and everything SQLite keeps beside it, as raw bytes. */
function sqliteBytes(databaseUrl: string): Buffer {
  const file = databaseUrl.replace(/^file:/, '');
  const parts = ['', '-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`).filter((f) => fs.existsSync(f));
  return Buffer.concat(parts.map((f) => fs.readFileSync(f)));
}

/** Every row of every table of the test database, cast to text by PostgreSQL itself. */
async function postgresText(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(tables.rows.map((t) => t.name)).toContain('requests');
    const rows: string[] = [];
    for (const { name } of tables.rows) {
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" t`);
      rows.push(...result.rows.map((r) => r.row));
    }
    return rows.join('\n');
  } finally {
    await client.end();
  }
}

/** The planted secrets found in `haystack`, by the first 10 characters of each (a cut-off one counts). */
function leaked(haystack: Buffer | string): string[] {
  return planted.filter((core) => haystack.includes(core.slice(0, 10)));
}

describe('secrets planted in spans', () => {
  it('are stored nowhere in the database, while the listed harmless attributes are', async () => {
    const service = uniqueId('svc-planted');
    const startMs = Date.now() - 20_000;
    for (const [format, gzip] of [
      ['protobuf', false],
      ['json', true],
    ] as const) {
      const spans = await recordSpans(resource(service), sdkSpecs(startMs));
      await post(serializeSpans(spans, format), format, gzip);
      await post(handBuiltBody(format, service, startMs + 30), format, false);
    }
    expect(planted.length).toBeGreaterThan(100);

    const prisma = env.t.db.prisma;
    expect(await prisma.request.count({ where: { service } })).toBe(8);
    const rows = await prisma.request.findMany({ where: { service }, orderBy: { id: 'asc' } });
    const first = await getRequestById(env.t.db, rows[0]?.id ?? -1);
    expect(first).toMatchObject({ route: '/api/v4/users', errorKeys: ['Unauthorized'], apiKeyFingerprint: 'fp_planted' });
    expect(first?.extraAttributes).toMatchObject({
      'app.tenant': stored.tenant,
      'app.note': 'retried with Bearer [redacted]',
      'app.pairs': 'key=[redacted]&token=[redacted]&secret=[redacted]&password=[redacted]',
      'app.payload': '{"api_key": "[redacted]"}',
      'app.callback': 'https://hooks.example.com/cb',
      'app.api_token': '[redacted]',
      'http.request.header.accept': ['application/json'],
    });
    const handBuilt = rows.find((r) => r.statusCode === 422);
    expect(handBuilt?.errorKey).toBe('name: is missing');
    expect(JSON.parse(handBuilt?.extraAttributes ?? 'null')).toEqual({
      'app.map': { list: ['Bearer [redacted]', 'plain'], nested: { note: 'secret=[redacted]' }, password: '[redacted]' },
      'app.tenant': stored.tenant,
      'http.request.headers': { Accept: 'application/json' },
    });

    if (testProvider() === 'sqlite') {
      const bytes = sqliteBytes(env.t.url);
      expect(bytes.includes(stored.tenant), 'a listed attribute is in the database files').toBe(true);
      expect(bytes.includes(stored.requestId), 'the error body is in the database files').toBe(true);
      expect(leaked(bytes)).toEqual([]);

      // Move the write-ahead log into the main file and look again.
      const [checkpoint] = await prisma.$queryRawUnsafe<{ busy: unknown }[]>('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(Number(checkpoint?.busy)).toBe(0);
      expect(fs.statSync(`${env.t.url.replace(/^file:/, '')}-wal`).size).toBe(0);
      const checkpointed = sqliteBytes(env.t.url);
      expect(checkpointed.includes(stored.tenant)).toBe(true);
      expect(leaked(checkpointed)).toEqual([]);
    } else {
      const text = await postgresText(env.t.url);
      expect(text).toContain(stored.tenant);
      expect(text).toContain(stored.requestId);
      expect(leaked(text)).toEqual([]);
    }
  });

  it('would notice a leak (the search itself can fail)', () => {
    const core = randomBytes(8).toString('hex');
    planted.push(core);
    try {
      expect(leaked(Buffer.from(`row|Bearer ${core.slice(0, 12)}|`))).toEqual([core]);
    } finally {
      planted.pop();
    }
  });
});
