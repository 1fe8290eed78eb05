// OTLP ingest through the real POST /v1/traces handler, against a real database: bodies from
// the real OpenTelemetry serializers, read back through the real read-API handlers.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import type { Attributes } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as healthGet } from '@/app/api/health/route';
import { GET as statsGet } from '@/app/api/v1/ingest/stats/route';
import { GET as summaryGet } from '@/app/api/v1/summary/route';
import { POST } from '@/app/v1/traces/route';
import { generateToken, hashToken, tokenDisplayPrefix } from '@/lib/auth/hash-token';
import type { IngestStats } from '@/lib/db/queries/get-ingest-stats';
import type { Summary } from '@/lib/db/queries/get-summary';
import { createNamedToken } from '@/lib/db/tokens';
import { otlpProtoSchema } from '@/lib/otlp/otlp-proto-schema';
import {
  deserializeResponse,
  type OtlpFormat,
  recordSpans,
  type SpanSpec,
  SpanKind,
  serializeSpans,
} from '@/lib/testing/otel-spans';
import {
  apiRequest,
  dumpAllRows,
  queryString,
  type RouteTestEnv,
  readOtlpStatus,
  setUpRouteTestEnv,
  sqliteFileBytes,
  uniqueId,
} from '@/lib/testing/route-harness';
import { testProvider } from '@/lib/testing/test-database';

const MiB = 1024 * 1024;
const maxBodyBytes = MiB;
const contentTypes: Record<OtlpFormat, string> = { protobuf: 'application/x-protobuf', json: 'application/json' };

let env: RouteTestEnv;

beforeAll(async () => {
  env = await setUpRouteTestEnv({ FAULTLINE_MAX_BODY_BYTES: String(maxBodyBytes), FAULTLINE_MAX_INFLIGHT_INGEST: '32' });
});

afterAll(async () => {
  await env?.close();
});

interface PostOptions {
  /** null: no Content-Type header. */
  contentType?: string | null;
  /** null: no Authorization header; default: Bearer <ingest token>. */
  authorization?: string | null;
  contentEncoding?: string;
  headers?: Record<string, string>;
}

function exportRequest(body: Uint8Array | string, format: OtlpFormat, opts: PostOptions = {}): Request {
  const headers: Record<string, string> = { ...opts.headers };
  const contentType = opts.contentType === undefined ? contentTypes[format] : opts.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const authorization = opts.authorization === undefined ? `Bearer ${env.ingestToken}` : opts.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  if (opts.contentEncoding) headers['Content-Encoding'] = opts.contentEncoding;
  // Serializers type their output as Uint8Array<ArrayBufferLike>; fetch wants an ArrayBuffer-backed view.
  return new Request('http://localhost/v1/traces', { method: 'POST', headers, body: body as string | Uint8Array<ArrayBuffer> });
}

function postExport(body: Uint8Array | string, format: OtlpFormat, opts: PostOptions = {}): Promise<Response> {
  return POST(exportRequest(body, format, opts));
}

async function apiJson<T>(handler: (r: Request) => Promise<Response>, path: string): Promise<T> {
  const res = await handler(apiRequest(path, env.apiToken));
  const text = await res.text();
  expect(res.status, `${path} answered ${text}`).toBe(200);
  return JSON.parse(text) as T;
}

const iso = (ms: number) => new Date(ms).toISOString();

function summary(params: { service: string; fromMs: number; toMs: number }): Promise<Summary> {
  return apiJson<Summary>(
    summaryGet,
    `/api/v1/summary?${queryString({ service: params.service, from: iso(params.fromMs), to: iso(params.toMs) })}`,
  );
}

function stats(): Promise<IngestStats> {
  return apiJson<IngestStats>(statsGet, '/api/v1/ingest/stats');
}

type Counter = 'received' | 'stored' | 'duplicates' | 'ignored' | 'rejected' | 'refusedRequests';
const counters: Counter[] = ['received', 'stored', 'duplicates', 'ignored', 'rejected', 'refusedRequests'];

function delta(before: IngestStats, after: IngestStats): Record<Counter, number> {
  return Object.fromEntries(counters.map((c) => [c, after[c] - before[c]])) as Record<Counter, number>;
}

const noChange: Record<Counter, number> = { received: 0, stored: 0, duplicates: 0, ignored: 0, rejected: 0, refusedRequests: 0 };

const apiKeyFingerprint = 'fp_int_0001';

/** Four HTTP client calls (401, 422, 429, 200) and one internal span that is not an HTTP call. */
function standardCalls(startMs: number, secret = 'SECRET'): SpanSpec[] {
  const common: Attributes = {
    'server.address': 'cc1.voiso.com',
    'faultline.api_key.fingerprint': apiKeyFingerprint,
    'faultline.auth.scheme': 'bearer',
  };
  return [
    {
      name: 'GET',
      kind: SpanKind.CLIENT,
      startMs,
      durationMs: 12,
      attributes: {
        ...common,
        'http.request.method': 'GET',
        'http.response.status_code': 401,
        'url.full': `https://cc1.voiso.com/api/v4/contacts/123?api_key=${secret}`,
        'faultline.error.body': '{"error":"Unauthorized"}',
      },
    },
    {
      name: 'POST',
      kind: SpanKind.CLIENT,
      startMs: startMs + 100,
      durationMs: 80,
      attributes: {
        ...common,
        'http.request.method': 'POST',
        'http.response.status_code': 422,
        'url.full': `https://cc1.voiso.com/api/v4/contacts?api_key=${secret}`,
        'faultline.error.body': '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}',
      },
    },
    {
      name: 'GET',
      kind: SpanKind.CLIENT,
      startMs: startMs + 200,
      durationMs: 5,
      attributes: {
        ...common,
        'http.request.method': 'GET',
        'http.response.status_code': 429,
        'url.full': `https://cc1.voiso.com/api/v4/cdr/98765?api_key=${secret}`,
        'faultline.error.body': '{"error":"Too many requests"}',
      },
    },
    {
      name: 'GET',
      kind: SpanKind.CLIENT,
      startMs: startMs + 300,
      durationMs: 40,
      attributes: {
        ...common,
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'url.full': `https://cc1.voiso.com/api/v4/users?api_key=${secret}`,
      },
    },
    { name: 'render-report', kind: SpanKind.INTERNAL, startMs: startMs + 400, durationMs: 3, attributes: { 'report.rows': 10 } },
  ];
}

const expectedSummary: Summary = {
  total: 4,
  byStatus: { '200': 1, '401': 1, '422': 1, '429': 1 },
  byErrorKey: { Unauthorized: 1, 'name: is missing': 1, 'timezone: must be a string': 1, 'Too many requests': 1 },
};

async function standardExport(format: OtlpFormat, service: string, startMs: number): Promise<Uint8Array> {
  const spans = await recordSpans({ service, environment: 'production' }, standardCalls(startMs));
  return serializeSpans(spans, format);
}

describe('POST /v1/traces with bodies from the real OTLP serializers', () => {
  it.each([
    ['protobuf', false],
    ['protobuf', true],
    ['json', false],
    ['json', true],
  ] as const)('stores the HTTP client calls of a %s export (gzip: %s) and answers a full success', async (format, gzip) => {
    const service = uniqueId(`svc-${format}-${gzip ? 'gz' : 'plain'}`);
    const startMs = Date.now() - 10_000;
    const raw = await standardExport(format, service, startMs);
    const before = await stats();

    const res = await postExport(gzip ? zlib.gzipSync(raw) : raw, format, gzip ? { contentEncoding: 'gzip' } : {});
    const body = new Uint8Array(await res.arrayBuffer());

    expect(res.status, new TextDecoder().decode(body)).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentTypes[format]);
    // What a stock exporter reads: no partialSuccess means everything was accepted.
    expect(deserializeResponse(format, body)).toEqual({});
    if (format === 'protobuf') {
      // An empty ExportTraceServiceResponse: no partial_success field on the wire.
      expect(body.byteLength).toBe(0);
      const type = otlpProtoSchema.exportTraceServiceResponse;
      expect(type.toObject(type.decode(body))).toEqual({});
    } else {
      expect(JSON.parse(new TextDecoder().decode(body))).toEqual({});
    }

    expect(await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).toEqual(expectedSummary);
    expect(delta(before, await stats())).toEqual({ ...noChange, received: 5, stored: 4, ignored: 1 });

    const rows = await env.t.db.prisma.request.findMany({ where: { service }, orderBy: { startMs: 'asc' } });
    expect(
      rows.map((r) => [r.method, r.host, r.route, r.statusCode, r.statusClass, r.errorKey, r.environment, r.apiKeyFingerprint, r.authScheme]),
    ).toEqual([
      ['GET', 'cc1.voiso.com', '/api/v4/contacts/{id}', 401, '4xx', 'Unauthorized', 'production', apiKeyFingerprint, 'bearer'],
      ['POST', 'cc1.voiso.com', '/api/v4/contacts', 422, '4xx', 'name: is missing', 'production', apiKeyFingerprint, 'bearer'],
      ['GET', 'cc1.voiso.com', '/api/v4/cdr/{id}', 429, '4xx', 'Too many requests', 'production', apiKeyFingerprint, 'bearer'],
      ['GET', 'cc1.voiso.com', '/api/v4/users', 200, '2xx', null, 'production', apiKeyFingerprint, 'bearer'],
    ]);
    expect(rows.map((r) => Number(r.startMs))).toEqual([startMs, startMs + 100, startMs + 200, startMs + 300]);
    expect(rows.map((r) => r.durationMs)).toEqual([12, 80, 5, 40]);
  });

  it('acknowledges a resent export with 200 and counts its spans once', async () => {
    const service = uniqueId('svc-resend');
    const startMs = Date.now() - 20_000;
    const spans = await recordSpans({ service, environment: 'production' }, standardCalls(startMs));
    const range = { service, fromMs: startMs - 60_000, toMs: startMs + 60_000 };

    const first = await postExport(serializeSpans(spans, 'protobuf'), 'protobuf');
    expect(first.status).toBe(200);
    const afterFirst = await stats();
    expect(await summary(range)).toEqual(expectedSummary);

    // The same body again, as an exporter retry would send it.
    const second = await postExport(serializeSpans(spans, 'protobuf'), 'protobuf');
    expect(second.status).toBe(200);
    expect(deserializeResponse('protobuf', new Uint8Array(await second.arrayBuffer()))).toEqual({});
    const afterSecond = await stats();
    expect(await summary(range)).toEqual(expectedSummary);
    expect(delta(afterFirst, afterSecond)).toEqual({ ...noChange, received: 5, duplicates: 4, ignored: 1 });

    // The same spans re-encoded (JSON, gzip) are still the same calls.
    const third = await postExport(zlib.gzipSync(serializeSpans(spans, 'json')), 'json', { contentEncoding: 'gzip' });
    expect(third.status).toBe(200);
    expect(await summary(range)).toEqual(expectedSummary);
    expect(delta(afterSecond, await stats())).toEqual({ ...noChange, received: 5, duplicates: 4, ignored: 1 });
    expect(await env.t.db.prisma.request.count({ where: { service } })).toBe(4);
  });
});

describe('encodings and tokens', () => {
  it.each([
    ['zlib-wrapped deflate', (b: Uint8Array) => zlib.deflateSync(b)],
    ['raw deflate', (b: Uint8Array) => zlib.deflateRawSync(b)],
  ] as const)('accepts Content-Encoding: deflate sent as %s', async (_name, compress) => {
    const service = uniqueId('svc-deflate');
    const startMs = Date.now() - 10_000;
    const res = await postExport(compress(await standardExport('protobuf', service, startMs)), 'protobuf', { contentEncoding: 'deflate' });
    expect(res.status).toBe(200);
    expect(await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).toEqual(expectedSummary);
  });

  it('accepts a stored ingest token until it is revoked, and never a stored API token', async () => {
    const ingestToken = generateToken('ingest');
    const apiToken = generateToken('api');
    const name = uniqueId('stored-ingest');
    for (const [kind, token, tokenName] of [
      ['ingest', ingestToken, name],
      ['api', apiToken, uniqueId('stored-api')],
    ] as const) {
      expect(await createNamedToken(env.t.db, { kind, name: tokenName, tokenHash: hashToken(token), prefix: tokenDisplayPrefix(token) })).toBe(true);
    }
    const send = async (token: string) => {
      const service = uniqueId('svc-stored-token');
      return postExport(await standardExport('json', service, Date.now() - 1_000), 'json', { authorization: `Bearer ${token}` });
    };

    expect((await send(ingestToken)).status).toBe(200);
    const refused = await send(apiToken);
    expect(refused.status).toBe(401);
    expect((await readOtlpStatus(refused, 'json')).message).toMatch(/Token refused: it is an API token/);

    await env.t.db.prisma.token.update({ where: { name }, data: { revokedAt: new Date() } });
    expect((await send(ingestToken)).status).toBe(401);
  });
});

describe('partial success', () => {
  it('drops a JSON span with a bad traceId and one without startTimeUnixNano, stores the good one, and says why', async () => {
    const service = uniqueId('svc-partial');
    const startMs = Date.now() - 30_000;
    const startNs = BigInt(startMs) * 1_000_000n;
    const httpAttributes = [
      { key: 'http.request.method', value: { stringValue: 'GET' } },
      { key: 'http.response.status_code', value: { intValue: '403' } },
      { key: 'url.full', value: { stringValue: 'https://cc1.voiso.com/api/v4/users/77' } },
      { key: 'faultline.error.body', value: { stringValue: '{"error":"Forbidden"}' } },
    ];
    const span = (overrides: Record<string, unknown>) => ({
      traceId: randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      name: 'GET',
      kind: 3,
      startTimeUnixNano: String(startNs),
      endTimeUnixNano: String(startNs + 25_000_000n),
      attributes: httpAttributes,
      ...overrides,
    });
    const { startTimeUnixNano: _omitted, ...withoutStart } = span({ name: 'no-start' });
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
          scopeSpans: [
            {
              scope: { name: 'handmade' },
              spans: [span({}), span({ name: 'bad-trace', traceId: 'not-a-trace-id' }), withoutStart],
            },
          ],
        },
      ],
    });
    const before = await stats();

    const res = await postExport(body, 'json');
    expect(res.status).toBe(200);
    const parsed = (await res.json()) as { partialSuccess?: { rejectedSpans: string; errorMessage: string } };
    expect(parsed.partialSuccess?.rejectedSpans).toBe('2');
    const message = parsed.partialSuccess?.errorMessage ?? '';
    expect(message).toContain('span "bad-trace" in resourceSpans[0].scopeSpans[0].spans[1]: traceId "not-a-trace-id" must be 32 hex characters');
    expect(message).toContain('span "no-start" in resourceSpans[0].scopeSpans[0].spans[2]: startTimeUnixNano is missing');

    expect(await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).toEqual({
      total: 1,
      byStatus: { '403': 1 },
      byErrorKey: { Forbidden: 1 },
    });
    const after = await stats();
    expect(delta(before, after)).toEqual({ ...noChange, received: 3, stored: 1, rejected: 2 });
    expect(after.lastRejections[0]).toMatchObject({ reason: message, spans: 2 });
    expect(Date.parse(after.lastRejections[0]?.at ?? '')).toBeGreaterThanOrEqual(before.lastRejections[0] ? Date.parse(before.lastRejections[0].at) : 0);
  });

  it('drops a protobuf span whose ids have the wrong length and reports it in the protobuf response', async () => {
    const service = uniqueId('svc-partial-pb');
    const startMs = Date.now() - 30_000;
    const type = otlpProtoSchema.exportTraceServiceRequest;
    const startNs = BigInt(startMs) * 1_000_000n;
    const attributes = [
      { key: 'http.request.method', value: { stringValue: 'DELETE' } },
      { key: 'http.response.status_code', value: { intValue: 204 } },
      { key: 'url.full', value: { stringValue: 'https://cc1.voiso.com/api/v4/contacts/5' } },
    ];
    const span = (traceId: Buffer) => ({
      traceId,
      spanId: randomBytes(8),
      name: 'DELETE',
      kind: 3,
      startTimeUnixNano: String(startNs),
      endTimeUnixNano: String(startNs + 1_000_000n),
      attributes,
    });
    const message = type.fromObject({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
          scopeSpans: [{ scope: { name: 'handmade' }, spans: [span(randomBytes(16)), span(randomBytes(15))] }],
        },
      ],
    });
    const res = await postExport(type.encode(message).finish(), 'protobuf');
    expect(res.status).toBe(200);
    const decoded = deserializeResponse('protobuf', new Uint8Array(await res.arrayBuffer())) as {
      partialSuccess?: { rejectedSpans?: unknown; errorMessage?: string };
    };
    expect(Number(decoded.partialSuccess?.rejectedSpans)).toBe(1);
    expect(decoded.partialSuccess?.errorMessage).toMatch(/spans\[1\]: traceId 0x[0-9a-f]{30} must be 16 bytes, got 15/);
    expect((await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).byStatus).toEqual({ '204': 1 });
  });
});

describe('refused export requests', () => {
  const validJson = () => JSON.stringify({ resourceSpans: [] });
  const overLimit = () => new Uint8Array(maxBodyBytes + 1).fill(0x20);

  interface BadCase {
    name: string;
    format: OtlpFormat;
    request: () => Request;
    status: number;
    grpcCode: number;
    message: RegExp;
    /** Counted in refusedRequests with its reason (docs/api.md: 400/413/415 after authentication). */
    refused: boolean | 'unspecified';
    headers?: Record<string, string>;
  }

  const cases: BadCase[] = [
    {
      name: 'no Authorization header (JSON)',
      format: 'json',
      request: () => exportRequest(validJson(), 'json', { authorization: null }),
      status: 401,
      grpcCode: 16,
      message: /Missing Authorization header/,
      refused: false,
      headers: { 'www-authenticate': 'Bearer' },
    },
    {
      name: 'no Authorization header (protobuf)',
      format: 'protobuf',
      request: () => exportRequest(new Uint8Array(0), 'protobuf', { authorization: null }),
      status: 401,
      grpcCode: 16,
      message: /Missing Authorization header/,
      refused: false,
      headers: { 'www-authenticate': 'Bearer' },
    },
    {
      name: 'a wrong token',
      format: 'protobuf',
      request: () => exportRequest(new Uint8Array(0), 'protobuf', { authorization: `Bearer wrong-${randomBytes(12).toString('hex')}` }),
      status: 401,
      grpcCode: 16,
      message: /Invalid ingest token/,
      refused: false,
      headers: { 'www-authenticate': 'Bearer' },
    },
    {
      name: 'the API token instead of the ingest token',
      format: 'json',
      request: () => exportRequest(validJson(), 'json', { authorization: `Bearer ${env.apiToken}` }),
      status: 401,
      grpcCode: 16,
      message: /Token refused: it is an API token, and only ingest tokens are accepted by \/v1\/traces/,
      refused: false,
    },
    {
      name: 'Basic authentication',
      format: 'json',
      request: () => exportRequest(validJson(), 'json', { authorization: `Basic ${Buffer.from(`user:${env.ingestToken}`).toString('base64')}` }),
      status: 401,
      grpcCode: 16,
      message: /Malformed Authorization header: expected "Bearer <token>"/,
      refused: false,
      headers: { 'www-authenticate': 'Bearer' },
    },
    {
      name: 'Content-Type text/plain',
      format: 'json',
      request: () => exportRequest(validJson(), 'json', { contentType: 'text/plain' }),
      status: 415,
      grpcCode: 3,
      message: /Unsupported Content-Type "text\/plain"/,
      refused: true,
    },
    {
      name: 'Content-Encoding br',
      format: 'json',
      request: () => exportRequest(validJson(), 'json', { contentEncoding: 'br' }),
      status: 415,
      grpcCode: 3,
      message: /Content-Encoding "br" is not supported/,
      refused: true,
    },
    {
      name: 'invalid JSON',
      format: 'json',
      request: () => exportRequest('{"resourceSpans": [', 'json'),
      status: 400,
      grpcCode: 3,
      message: /The body is not valid JSON/,
      refused: true,
    },
    {
      name: 'JSON of the wrong shape',
      format: 'json',
      request: () => exportRequest('{"resourceSpans": 5}', 'json'),
      status: 400,
      grpcCode: 3,
      message: /not a valid OTLP\/JSON ExportTraceServiceRequest: resourceSpans: /,
      refused: true,
    },
    {
      name: 'a JSON span of the wrong shape, named by its path',
      format: 'json',
      request: () => exportRequest('{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":42}]}]}]}', 'json'),
      status: 400,
      grpcCode: 3,
      message: /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.name/,
      refused: true,
    },
    {
      name: 'garbage protobuf',
      format: 'protobuf',
      request: () => exportRequest(new TextEncoder().encode('this is not protobuf at all'), 'protobuf'),
      status: 400,
      grpcCode: 3,
      message: /not a valid OTLP protobuf ExportTraceServiceRequest/,
      refused: true,
    },
    {
      name: 'corrupt gzip',
      format: 'json',
      request: () => {
        const gz = zlib.gzipSync(Buffer.from(JSON.stringify({ resourceSpans: [], pad: 'x'.repeat(500) })));
        gz.fill(0x41, 10, 40);
        return exportRequest(gz, 'json', { contentEncoding: 'gzip' });
      },
      status: 400,
      grpcCode: 3,
      message: /The body is not valid gzip/,
      refused: true,
    },
    {
      name: 'invalid UTF-8 in a JSON body',
      format: 'json',
      request: () => exportRequest(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'json'),
      status: 400,
      grpcCode: 3,
      message: /not valid UTF-8/,
      refused: true,
    },
    {
      name: 'an empty JSON body',
      format: 'json',
      request: () => exportRequest('', 'json'),
      status: 400,
      grpcCode: 3,
      message: /The body is empty/,
      refused: true,
    },
    {
      name: 'a body one byte over the limit, without Content-Length',
      format: 'protobuf',
      request: () => exportRequest(overLimit(), 'protobuf'),
      status: 413,
      grpcCode: 8,
      message: new RegExp(`The body is larger than the limit of ${maxBodyBytes} bytes`),
      refused: true,
    },
    {
      name: 'a body over the limit with an honest Content-Length',
      format: 'json',
      request: () => exportRequest(overLimit(), 'json', { headers: { 'Content-Length': String(maxBodyBytes + 1) } }),
      status: 413,
      grpcCode: 8,
      message: new RegExp(`The body is larger than the limit of ${maxBodyBytes} bytes`),
      refused: true,
    },
    {
      name: 'a gzip body that decompresses to just over the limit',
      format: 'json',
      request: () => exportRequest(zlib.gzipSync(overLimit()), 'json', { contentEncoding: 'gzip' }),
      status: 413,
      grpcCode: 8,
      message: new RegExp(`The decompressed body is larger than the limit of ${maxBodyBytes} bytes`),
      refused: true,
    },
  ];

  it.each(cases)('answers $status to $name, with an OTLP Status explaining why', async (c) => {
    const before = await stats();
    const res = await POST(c.request());
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toBe(contentTypes[c.format]);
    for (const [name, value] of Object.entries(c.headers ?? {})) expect(res.headers.get(name)).toBe(value);
    const status = await readOtlpStatus(res, c.format);
    expect(status.message).toMatch(c.message);
    expect(status.code).toBe(c.grpcCode);

    const after = await stats();
    const d = delta(before, after);
    expect({ ...d, refusedRequests: 0 }).toEqual(noChange);
    if (c.refused === true) {
      expect(d.refusedRequests).toBe(1);
      expect(after.lastRejections[0]).toMatchObject({ reason: status.message, spans: 0 });
    } else if (c.refused === false) {
      expect(d.refusedRequests).toBe(0);
      expect(after.lastRejections).toEqual(before.lastRejections);
    }
  });

  it.each(['json', 'protobuf'] as const)(
    'stops a %s gzip bomb (64 MiB of zeros) at the limit with 413, without inflating it in memory',
    async (format) => {
      const bomb = await gzipZeros(64 * MiB);
      expect(bomb.length).toBeLessThan(256 * 1024);
      const before = await stats();

      const baseline = process.memoryUsage();
      const peak = { arrayBuffers: baseline.arrayBuffers, rss: baseline.rss };
      const sample = () => {
        const m = process.memoryUsage();
        peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
        peak.rss = Math.max(peak.rss, m.rss);
      };
      const sampler = setInterval(sample, 1);
      let res: Response;
      try {
        res = await postExport(bomb, format, { contentEncoding: 'gzip' });
      } finally {
        clearInterval(sampler);
      }
      sample();

      // Holding the expanded body would cost 64 MiB or more; stopping at the limit costs ~1 MiB.
      expect.soft(peak.arrayBuffers - baseline.arrayBuffers, 'arrayBuffers growth').toBeLessThan(24 * MiB);
      expect.soft(peak.rss - baseline.rss, 'rss growth').toBeLessThan(40 * MiB);
      const status = await readOtlpStatus(res, format);
      expect(res.status, status.message).toBe(413);
      expect(status.code).toBe(8);
      expect(status.message).toMatch(new RegExp(`decompressed body is larger than the limit of ${maxBodyBytes} bytes`));

      const after = await stats();
      expect(delta(before, after)).toEqual({ ...noChange, refusedRequests: 1 });
      expect(after.lastRejections[0]).toMatchObject({ reason: status.message, spans: 0 });
    },
  );

  it('still answers health checks and stores a valid export after all of that', async () => {
    const health = await healthGet();
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const service = uniqueId('svc-after-errors');
    const startMs = Date.now() - 5_000;
    const res = await postExport(await standardExport('json', service, startMs), 'json', {
      contentType: 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect(await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).toEqual(expectedSummary);
    const s = await stats();
    expect(s.refusedRequests).toBeGreaterThanOrEqual(cases.filter((c) => c.refused === true).length + 2);
    expect(s.lastActivityAt).not.toBeNull();
  });
});

/** gzip of `size` zero bytes, compressed in 1 MiB pieces so the test never holds the expanded form. */
async function gzipZeros(size: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < size; written += MiB) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}

describe('secrets', () => {
  it('stores no query-string key, URL userinfo, Authorization or Cookie header value anywhere', async () => {
    const secret = `sk_live_${randomBytes(12).toString('hex')}`;
    const marker = `marker_${randomBytes(8).toString('hex')}`;
    const service = uniqueId('svc-secrets');
    const startMs = Date.now() - 15_000;
    const leaky: Attributes = {
      'http.request.header.authorization': [`Bearer ${secret}`],
      'http.request.header.cookie': [`session=${secret}; theme=dark`],
      'http.request.header.accept': ['application/json'],
      'faultline.auth.scheme': 'bearer',
    };
    const specs: SpanSpec[] = [
      {
        name: 'GET',
        kind: SpanKind.CLIENT,
        startMs,
        durationMs: 10,
        attributes: {
          ...leaky,
          'http.request.method': 'GET',
          'http.response.status_code': 401,
          'server.address': 'cc1.voiso.com',
          'url.full': `https://cc1.voiso.com/api/v4/contacts/123?api_key=${secret}&page=2`,
          // A marker (not a secret) in the stored error body proves the check can see stored text.
          'faultline.error.body': `{"error":"Unauthorized","request_id":"${marker}"}`,
          'faultline.api_key.fingerprint': 'fp_secret_test',
        },
      },
      {
        // Host and path from the URL itself (no server.address), with userinfo and a fragment token.
        name: `GET https://admin:${secret}@cc1.voiso.com/api/v4/users?api_key=${secret}`,
        kind: SpanKind.CLIENT,
        startMs: startMs + 10,
        durationMs: 10,
        attributes: {
          ...leaky,
          'http.request.method': 'GET',
          'http.response.status_code': 403,
          'url.full': `https://admin:${secret}@cc1.voiso.com/api/v4/users?api_key=${secret}#access_token=${secret}`,
          'faultline.error.body': '{"error":"Forbidden"}',
          // A raw key where a fingerprint belongs is discarded, not stored.
          'faultline.api_key.fingerprint': `Bearer ${secret}`,
        },
      },
      {
        // Older semantic conventions: http.url and a path-only http.target.
        name: 'POST',
        kind: SpanKind.CLIENT,
        startMs: startMs + 20,
        durationMs: 10,
        attributes: {
          ...leaky,
          'http.method': 'POST',
          'http.status_code': 200,
          'http.url': `http://user:${secret}@legacy.example.com:8080/v1/items?token=${secret}`,
          'http.target': `/v1/items?token=${secret}`,
        },
      },
    ];
    const spans = await recordSpans({ service, environment: 'production' }, specs);
    for (const [format, gzip] of [
      ['protobuf', false],
      ['json', true],
    ] as const) {
      const body = serializeSpans(spans, format);
      const res = await postExport(gzip ? zlib.gzipSync(body) : body, format, gzip ? { contentEncoding: 'gzip' } : {});
      expect(res.status).toBe(200);
    }

    const rows = await env.t.db.prisma.request.findMany({ where: { service }, orderBy: { startMs: 'asc' } });
    expect(rows.map((r) => [r.host, r.route, r.apiKeyFingerprint, r.accept])).toEqual([
      ['cc1.voiso.com', '/api/v4/contacts/{id}', 'fp_secret_test', 'application/json'],
      ['cc1.voiso.com', '/api/v4/users', '', 'application/json'],
      ['legacy.example.com:8080', '/v1/items', '', 'application/json'],
    ]);

    const dump = await dumpAllRows(env.t);
    expect(dump).toContain(marker);
    expect(dump).toContain(service);
    expect(dump).not.toContain(secret);

    if (testProvider() === 'sqlite') {
      const bytes = sqliteFileBytes(env.t.url);
      expect(bytes.includes(marker), 'the marker is in the database files').toBe(true);
      expect(bytes.includes(secret), 'the secret is in the database files').toBe(false);
    }
  });
});

describe('concurrency', () => {
  it('stores a span once when the same export arrives 10 times at once', async () => {
    const service = uniqueId('svc-same-body');
    const startMs = Date.now() - 40_000;
    const body = await standardExport('protobuf', service, startMs);
    const before = await stats();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postExport(body, 'protobuf')));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 60_000 })).toEqual(expectedSummary);
    expect(delta(before, await stats())).toEqual({ ...noChange, received: 50, stored: 4, duplicates: 36, ignored: 10 });
  });

  it('stores every span of 10 concurrent exports of 200 spans each', async () => {
    const service = uniqueId('svc-concurrent');
    const startMs = Date.now() - 60_000;
    const statuses = [200, 200, 201, 401, 403, 404, 422, 429, 500, 503];
    const bodies = await Promise.all(
      Array.from({ length: 10 }, async (_, exportIndex) => {
        const specs: SpanSpec[] = Array.from({ length: 200 }, (_, i) => ({
          name: 'GET',
          kind: SpanKind.CLIENT,
          startMs: startMs + exportIndex * 200 + i,
          durationMs: (i % 50) + 1,
          attributes: {
            'http.request.method': i % 2 ? 'GET' : 'POST',
            'http.response.status_code': statuses[i % statuses.length] ?? 200,
            'url.full': `https://cc1.voiso.com/api/v4/resource${i % 7}/${i}`,
            'server.address': 'cc1.voiso.com',
            'faultline.api_key.fingerprint': `fp_conc_${i % 3}`,
            'faultline.error.body': '{"error":"Something"}',
          },
        }));
        const spans = await recordSpans({ service, environment: 'load' }, specs);
        return serializeSpans(spans, exportIndex % 2 ? 'json' : 'protobuf');
      }),
    );
    const before = await stats();

    const started = performance.now();
    const responses = await Promise.all(bodies.map((body, i) => postExport(body, i % 2 ? 'json' : 'protobuf')));
    const elapsedMs = performance.now() - started;

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const fullSuccess = await Promise.all(
      responses.map(async (r, i) => deserializeResponse(i % 2 ? 'json' : 'protobuf', new Uint8Array(await r.arrayBuffer()))),
    );
    expect(fullSuccess).toEqual(Array(10).fill({}));
    expect(await env.t.db.prisma.request.count({ where: { service } })).toBe(2000);
    const s = await summary({ service, fromMs: startMs - 60_000, toMs: startMs + 120_000 });
    expect(s.total).toBe(2000);
    expect(s.byStatus).toEqual(Object.fromEntries(statuses.filter((x, i) => statuses.indexOf(x) === i).map((x) => [String(x), x === 200 ? 400 : 200])));
    expect(delta(before, await stats())).toEqual({ ...noChange, received: 2000, stored: 2000 });
    console.info(
      `[ingest throughput, ${testProvider()}] 10 x 200 spans in ${elapsedMs.toFixed(0)} ms = ${Math.round(2000 / (elapsedMs / 1000))} spans/s`,
    );
  });
});
