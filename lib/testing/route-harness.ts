// Runs the real route handlers in a test process: a fresh database, the environment the
// handlers read (tokens, limits), and helpers to call handlers, build requests and read back
// everything stored. Each vitest file runs in its own process, so the process-wide env cache
// and database singleton belong to that file alone.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { disconnectDatabase } from '@/lib/db/client';
import { resetEnvForTests } from '@/lib/env';
import { otlpProtoSchema } from '@/lib/otlp/otlp-proto-schema';
import { createTestDatabase, type TestDatabase, testProvider } from './test-database';

/** A route handler as Next calls it; handlers of routes without dynamic segments ignore the context. */
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface SendOptions<P> {
  /** The bearer token: the env's API token when omitted, no Authorization header when null. */
  token?: string | null;
  /** The route's dynamic segments as Next passes them (still URL-encoded). */
  params?: P;
  method?: string;
  /** A JSON body. */
  body?: string;
}

export interface RouteTestEnv {
  t: TestDatabase;
  ingestToken: string;
  apiToken: string;
  /** Calls a route handler as an API client would and reads its JSON answer. */
  send<P>(handler: RouteHandler<P>, path: string, options?: SendOptions<P>): Promise<JsonResponse>;
  /** A GET with the API token, another token, or none (null); `T` types the body as the test expects it. */
  get<T = unknown>(handler: (request: Request) => Promise<Response>, path: string, token?: string | null): Promise<JsonResponse<T>>;
  /** A GET with the API token that must answer 200: its body. */
  getOk<T>(handler: (request: Request) => Promise<Response>, path: string): Promise<T>;
  close(): Promise<void>;
}

const managedVariables = [
  'DATABASE_URL',
  'FAULTLINE_INGEST_TOKEN',
  'FAULTLINE_API_TOKEN',
  'FAULTLINE_MAX_BODY_BYTES',
  'FAULTLINE_MAX_INFLIGHT_INGEST',
  'FAULTLINE_PUBLIC_URL',
  'FAULTLINE_ADMIN_EMAIL',
  'FAULTLINE_ADMIN_PASSWORD',
  'FAULTLINE_LOGIN_MAX_FAILURES',
  'FAULTLINE_LOGIN_LOCKOUT_SECONDS',
  'FAULTLINE_EXTRA_ATTRIBUTES',
  'FAULTLINE_INGEST_DECODE_THREADS',
];

/** Points the process (getEnv(), getDatabase()) at a fresh migrated database with known tokens. */
export async function setUpRouteTestEnv(extra: Record<string, string> = {}): Promise<RouteTestEnv> {
  const t = await createTestDatabase();
  const ingestToken = `fl_ingest_test_${randomBytes(16).toString('hex')}`;
  const apiToken = `fl_api_test_${randomBytes(16).toString('hex')}`;
  for (const name of managedVariables) delete process.env[name];
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    FAULTLINE_INGEST_TOKEN: ingestToken,
    FAULTLINE_API_TOKEN: apiToken,
    ...extra,
  });
  resetEnvForTests();
  await disconnectDatabase();
  const send = async <P>(handler: RouteHandler<P>, path: string, options: SendOptions<P> = {}): Promise<JsonResponse> => {
    const token = options.token === undefined ? apiToken : options.token;
    const headers: Record<string, string> = {};
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const request = new Request(`http://localhost${path}`, { method: options.method, headers, body: options.body });
    const res = await handler(request, { params: Promise.resolve(options.params as P) });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  const get = async <T>(handler: (request: Request) => Promise<Response>, path: string, token?: string | null) =>
    (await send(handler, path, { token })) as JsonResponse<T>;
  return {
    t,
    ingestToken,
    apiToken,
    send,
    get,
    async getOk<T>(handler: (request: Request) => Promise<Response>, path: string): Promise<T> {
      const res = await get<T>(handler, path);
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await disconnectDatabase();
      await t.drop();
    },
  };
}

/**
 * setUpRouteTestEnv for a whole test file: set up before its tests, closed after them. The
 * object returned is filled in by that beforeAll, so use it inside tests and hooks only.
 */
export function setUpRouteTestEnvForFile(extra: Record<string, string> = {}): RouteTestEnv {
  const env = {} as RouteTestEnv;
  beforeAll(async () => {
    Object.assign(env, await setUpRouteTestEnv(extra));
  });
  afterAll(async () => {
    // Nothing to close when the set-up itself failed.
    if ('close' in env) await env.close();
  });
  return env;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** A GET against a read-API route with an optional bearer token. */
export function apiRequest(pathAndQuery: string, token?: string): Request {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  return new Request(`http://localhost${pathAndQuery}`, { headers });
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  return search.toString();
}

/** Decodes an OTLP error body (google.rpc.Status) in the encoding the request used. */
export async function readOtlpStatus(response: Response, format: 'json' | 'protobuf'): Promise<{ code: number; message: string }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (format === 'json') return JSON.parse(new TextDecoder().decode(bytes)) as { code: number; message: string };
  const status = otlpProtoSchema.rpcStatus.toObject(otlpProtoSchema.rpcStatus.decode(bytes), { defaults: true }) as {
    code: number;
    message: string;
  };
  return { code: status.code, message: status.message };
}

const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** Every row of every table in the test database, as one JSON string. */
export async function dumpAllRows(t: TestDatabase): Promise<string> {
  const prisma = t.db.prisma;
  const tables =
    testProvider() === 'postgresql'
      ? await prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()`,
        )
      : await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  if (tables.length < 5) throw new Error(`expected the migrated tables, found ${tables.map((x) => x.name).join(', ')}`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
    parts.push(`${name}: ${JSON.stringify(rows, bigintSafe)}`);
  }
  return parts.join('\n');
}

/** The raw bytes of the SQLite database file and its write-ahead log and journal, if present. */
export function sqliteFileBytes(databaseUrl: string): Buffer {
  const file = databaseUrl.replace(/^file:/, '');
  const parts = [file, `${file}-wal`, `${file}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  if (parts.length === 0) throw new Error(`no SQLite file at ${file}`);
  return Buffer.concat(parts);
}
