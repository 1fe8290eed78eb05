// Back-pressure of POST /v1/traces: at most FAULTLINE_MAX_INFLIGHT_INGEST exports are in
// progress; the next one gets 429 + Retry-After, and every finished request, however it
// ended, frees its slot. Its own file: the limiter is created once per process.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSpans, SpanKind, serializeSpans } from '@/lib/testing/otel-spans';
import { type RouteTestEnv, readOtlpStatus, setUpRouteTestEnv, uniqueId } from '@/lib/testing/route-harness';
import { POST } from './route';

const maxInFlight = 2;
let env: RouteTestEnv;

beforeAll(async () => {
  env = await setUpRouteTestEnv({ FAULTLINE_MAX_INFLIGHT_INGEST: String(maxInFlight) });
});

afterAll(async () => {
  await env?.close();
});

/** A request whose body arrives only when the test says so, like a slow upload. */
function heldRequest(contentType = 'application/x-protobuf') {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const request = new Request('http://localhost/v1/traces', {
    method: 'POST',
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${env.ingestToken}` },
    body,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  return {
    request,
    finish(bytes: Uint8Array) {
      controller.enqueue(bytes);
      controller.close();
    },
    fail(error: Error) {
      controller.error(error);
    },
  };
}

function plainRequest(body: Uint8Array, contentType = 'application/x-protobuf', token = env.ingestToken): Request {
  return new Request('http://localhost/v1/traces', {
    method: 'POST',
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${token}` },
    body: body as Uint8Array<ArrayBuffer>,
  });
}

async function oneCallExport(service: string): Promise<Uint8Array> {
  const spans = await recordSpans({ service, environment: 'test' }, [
    {
      name: 'GET',
      kind: SpanKind.CLIENT,
      startMs: Date.now() - 1_000,
      durationMs: 3,
      attributes: { 'http.request.method': 'GET', 'http.response.status_code': 200, 'url.full': 'https://cc1.voiso.com/api/v4/users' },
    },
  ]);
  return serializeSpans(spans, 'protobuf');
}

describe('ingest back-pressure', () => {
  it('answers 429 with Retry-After while the limit of exports is in progress, and accepts again once they finish', async () => {
    const service = uniqueId('svc-backpressure');
    const held = [heldRequest(), heldRequest()];
    const pending = held.map((h) => POST(h.request));

    const refused = await POST(plainRequest(await oneCallExport(service)));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await readOtlpStatus(refused, 'protobuf')).toEqual({ code: 8, message: expect.stringMatching(/busy/) });

    const refusedJson = await POST(plainRequest(new TextEncoder().encode('{}'), 'application/json'));
    expect(refusedJson.status).toBe(429);
    expect(await readOtlpStatus(refusedJson, 'json')).toEqual({ code: 8, message: expect.stringMatching(/busy/) });

    const bodies = await Promise.all(held.map(() => oneCallExport(service)));
    for (const [i, h] of held.entries()) h.finish(bodies[i] ?? new Uint8Array());
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([200, 200]);

    const again = await POST(plainRequest(await oneCallExport(service)));
    expect(again.status).toBe(200);
    expect(await env.t.db.prisma.request.count({ where: { service } })).toBe(3);
  });

  it('frees the slot of a request refused for its token, its body, or an upload that broke off', async () => {
    const service = uniqueId('svc-slots');
    // Twice the limit of each kind of failure: a leaked slot would turn the last ones into 429s.
    for (let i = 0; i < maxInFlight * 2; i++) {
      expect((await POST(plainRequest(new Uint8Array([1, 2, 3]), 'application/x-protobuf', `wrong-${randomBytes(8).toString('hex')}`))).status).toBe(401);
      expect((await POST(plainRequest(new TextEncoder().encode('not json'), 'application/json'))).status).toBe(400);
      const broken = heldRequest();
      const pending = POST(broken.request);
      broken.fail(new Error('client went away'));
      const res = await pending;
      // An interrupted upload is the sender's problem: 400 with a hint, not a 500.
      expect(res.status).toBe(400);
      expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toMatch(/upload was interrupted/);
    }
    const ok = await POST(plainRequest(await oneCallExport(service)));
    expect(ok.status).toBe(200);
  });
});
