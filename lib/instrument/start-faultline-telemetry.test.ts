// The instrumentation module end to end: real fetch and http calls to a local API server,
// exported by the real OTLP exporter to a capture server, decoded by Faultline's decoder.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DecodedSpan } from '../otlp/decoded-span';
import { type OtlpCaptureServer, startOtlpCaptureServer } from '../testing/otlp-capture-server';
import { type FaultlineTelemetry, startFaultlineTelemetry } from './start-faultline-telemetry';

const keyA = 'vk_live_8Hq2ZtR5mWc9Lp3XyN7bKd4FgJ6sVa1E';
const keyB = 'vk_live_Q1w2E3r4T5y6U7i8O9p0AsDfGhJkLzXc';
const bigMessage = 'x'.repeat(10_000);

let api: http.Server;
let apiUrl: string;
let otherUrl: string;
let other: http.Server;
let capture: OtlpCaptureServer;
let telemetry: FaultlineTelemetry;

function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function handleApi(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/api/v4/users') {
    if (req.headers.authorization === `Bearer ${keyA}`) json(res, 200, { data: [{ id: 1, name: 'Ada' }] });
    else json(res, 401, { error: 'Unauthorized' });
    return;
  }
  if (path === '/api/v4/contacts/12345') {
    json(res, 403, { error: 'Forbidden' });
    return;
  }
  if (path === '/api/v4/contacts') {
    json(res, 422, { errors: { name: ['is missing'], note: [bigMessage] } });
    return;
  }
  if (path === '/api/v4/campaigns') {
    json(res, 429, { error: 'Too many requests' }, { 'retry-after': '5' });
    return;
  }
  if (path === '/api/v4/binary') {
    res.writeHead(500, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from([0, 1, 2, 3, 255, 254]));
    return;
  }
  if (path === '/api/v4/cdr/5c1f3b9e-2f4d-4a8e-9c61-0d2b7a9e8f10/transcript') {
    json(res, 406, { errors: { format: ['must be one of: json, vtt, srt, text'] } });
    return;
  }
  json(res, 404, { error: 'Not found' });
}

async function listen(server: http.Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function attr(span: DecodedSpan, name: string): unknown {
  return span.attributes[name];
}

// Each test tags its calls with a User-Agent (recorded by both instrumentations), because
// the query string, the obvious tag, is stripped before export.
function tagged(tag: string, headers: Record<string, string> = {}): Record<string, string> {
  return { 'user-agent': `test/${tag}`, ...headers };
}

function spansFor(tag: string): DecodedSpan[] {
  return capture.spans().filter((s) => attr(s, 'user_agent.original') === `test/${tag}`);
}

async function flushAndFind(tag: string, count = 1): Promise<DecodedSpan[]> {
  await telemetry.forceFlush();
  await capture.waitForSpans(() => spansFor(tag).length >= count);
  return spansFor(tag);
}

function httpGet(url: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  api = http.createServer(handleApi);
  other = http.createServer((_req, res) => json(res, 500, { error: 'not the API' }));
  apiUrl = await listen(api);
  otherUrl = await listen(other);
  capture = await startOtlpCaptureServer();
  telemetry = startFaultlineTelemetry({
    serviceName: 'instrument-test',
    environment: 'test',
    endpoint: capture.url,
    token: 'fl_ingest_test_token_0123456789',
    apiHosts: [new URL(apiUrl).host],
    exportDelayMs: 50,
  });
});

afterAll(async () => {
  await telemetry?.shutdown();
  await capture?.close();
  api?.close();
  other?.close();
});

describe('fetch calls to the API', () => {
  it('records the error body, fingerprint, scheme and template, and the app still reads its body', async () => {
    const res = await fetch(`${apiUrl}/api/v4/users?page=2`, { headers: tagged('first', { authorization: `Bearer ${keyB}` }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });

    const [span] = await flushAndFind('first');
    expect(attr(span!, 'http.response.status_code')).toBe(401);
    expect(attr(span!, 'faultline.error.body')).toBe('{"error":"Unauthorized"}');
    expect(attr(span!, 'faultline.auth.scheme')).toBe('bearer');
    expect(attr(span!, 'faultline.api_key.fingerprint')).toMatch(/^fp_[0-9a-f]{16}_LzXc$/);
    expect(attr(span!, 'url.template')).toBe('/api/v4/users');
    expect(attr(span!, 'url.full')).toBe(`${apiUrl}/api/v4/users`);
    expect(attr(span!, 'url.query')).toBeUndefined();
    expect(span!.kind).toBe(3);
    expect(span!.resource['service.name']).toBe('instrument-test');
    expect(span!.resource['deployment.environment.name']).toBe('test');
    expect(capture.exports[0]?.authorization).toBe('Bearer fl_ingest_test_token_0123456789');
  });

  it('gives the same key the same fingerprint and different keys different ones', async () => {
    for (const key of [keyA, keyA, keyB]) {
      const res = await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('fingerprint', { authorization: `Bearer ${key}` }) });
      await res.arrayBuffer();
    }
    const spans = await flushAndFind('fingerprint', 3);
    const [a1, a2, b] = spans.map((s) => attr(s, 'faultline.api_key.fingerprint'));
    expect(a1).toMatch(/^fp_[0-9a-f]{16}_/);
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
    expect(spans.map((s) => attr(s, 'http.response.status_code'))).toEqual([200, 200, 401]);
  });

  it('never reads a 2xx body, and never records one', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    const ok = await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('ok', { authorization: `Bearer ${keyA}` }) });
    expect(clone).not.toHaveBeenCalled();
    expect(await ok.json()).toEqual({ data: [{ id: 1, name: 'Ada' }] });
    const failed = await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('not-ok') });
    expect(clone).toHaveBeenCalledTimes(1);
    await failed.text();
    clone.mockRestore();
    const [span] = await flushAndFind('ok');
    expect(attr(span!, 'faultline.error.body')).toBeUndefined();
    expect(attr(span!, 'http.response.status_code')).toBe(200);
  });

  it('bounds the error body at 4 KiB while the app reads all of it', async () => {
    const res = await fetch(`${apiUrl}/api/v4/contacts`, {
      method: 'POST',
      headers: tagged('bounded', { authorization: `Bearer ${keyA}`, 'content-type': 'application/json' }),
      body: '{}',
    });
    const body = (await res.json()) as { errors: { note: string[] } };
    expect(body.errors.note[0]).toHaveLength(10_000);
    const [span] = await flushAndFind('bounded');
    const captured = String(attr(span!, 'faultline.error.body'));
    expect(Buffer.byteLength(captured)).toBe(4096);
    expect(captured.startsWith('{"errors":{"name":["is missing"]')).toBe(true);
  });

  it('skips binary error bodies', async () => {
    const res = await fetch(`${apiUrl}/api/v4/binary`, { headers: tagged('binary', { authorization: `Bearer ${keyA}` }) });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 3, 255, 254]));
    const [span] = await flushAndFind('binary');
    expect(attr(span!, 'http.response.status_code')).toBe(500);
    expect(attr(span!, 'faultline.error.body')).toBeUndefined();
  });

  it('records Accept, Retry-After and the resend count of an immediate retry', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await fetch(`${apiUrl}/api/v4/campaigns`, {
        headers: tagged('retry', { authorization: `Bearer ${keyA}`, accept: 'application/json' }),
      });
      await res.text();
    }
    const spans = await flushAndFind('retry', 3);
    expect(spans.map((s) => attr(s, 'http.request.resend_count'))).toEqual([undefined, 1, 2]);
    expect(attr(spans[0]!, 'http.response.header.retry-after')).toEqual(['5']);
    expect(attr(spans[0]!, 'http.request.header.accept')).toEqual(['application/json']);

    const transcript = await fetch(`${apiUrl}/api/v4/cdr/5c1f3b9e-2f4d-4a8e-9c61-0d2b7a9e8f10/transcript`, {
      headers: tagged('transcript', { authorization: `Bearer ${keyA}`, accept: 'text/html' }),
    });
    await transcript.text();
    const [span] = await flushAndFind('transcript');
    expect(attr(span!, 'url.template')).toBe('/api/v4/cdr/{id}/transcript');
    expect(attr(span!, 'http.request.header.accept')).toEqual(['text/html']);
    expect(attr(span!, 'faultline.error.body')).toBe('{"errors":{"format":["must be one of: json, vtt, srt, text"]}}');
  });

  it('tells a wrong scheme from a missing header', async () => {
    await (await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('scheme-token', { authorization: `Token ${keyA}` }) })).text();
    await (await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('scheme-none') })).text();
    const [token] = await flushAndFind('scheme-token');
    const [none] = await flushAndFind('scheme-none');
    expect(attr(token!, 'faultline.auth.scheme')).toBe('other');
    expect(attr(token!, 'faultline.api_key.fingerprint')).toBeUndefined();
    expect(attr(none!, 'faultline.auth.scheme')).toBe('none');
  });

  it('does not trace hosts outside apiHosts, nor its own exports, nor other libraries\' spans', async () => {
    const foreign = trace.getTracer('some-framework').startSpan('GET', { kind: SpanKind.CLIENT, attributes: { 'user_agent.original': 'test/foreign' } });
    foreign.end();
    await (await fetch(`${otherUrl}/api/v4/users`, { headers: tagged('other-host') })).text();
    await (await fetch(`${apiUrl}/api/v4/users`, { headers: tagged('after-other-host') })).text();
    await flushAndFind('after-other-host');
    expect(spansFor('other-host')).toEqual([]);
    expect(spansFor('foreign')).toEqual([]);
    expect(capture.spans().some((s) => String(attr(s, 'url.full')).startsWith(capture.url))).toBe(false);
    expect(capture.spans().every((s) => s.kind === 3)).toBe(true);
  });
});

describe('http/https calls to the API', () => {
  it('captures the error body as the app reads it, with the same attributes as fetch', async () => {
    const res = await httpGet(`${apiUrl}/api/v4/contacts/12345?via=http`, tagged('http', {
      authorization: `Bearer ${keyA}`,
      accept: 'application/json',
    }));
    expect(res).toEqual({ status: 403, body: '{"error":"Forbidden"}' });
    const [span] = await flushAndFind('http');
    expect(attr(span!, 'http.response.status_code')).toBe(403);
    expect(attr(span!, 'faultline.error.body')).toBe('{"error":"Forbidden"}');
    expect(attr(span!, 'url.template')).toBe('/api/v4/contacts/{id}');
    expect(attr(span!, 'url.full')).toBe(`${apiUrl}/api/v4/contacts/12345`);
    expect(attr(span!, 'faultline.auth.scheme')).toBe('bearer');
    expect(attr(span!, 'http.request.header.accept')).toEqual(['application/json']);
    const [viaFetch] = await flushAndFind('ok');
    expect(attr(span!, 'faultline.api_key.fingerprint')).toBe(attr(viaFetch!, 'faultline.api_key.fingerprint'));
  });

  it('records no body for 2xx', async () => {
    const res = await httpGet(`${apiUrl}/api/v4/users`, tagged('http-ok', { authorization: `Bearer ${keyA}` }));
    expect(res.status).toBe(200);
    const [span] = await flushAndFind('http-ok');
    expect(attr(span!, 'http.response.status_code')).toBe(200);
    expect(attr(span!, 'faultline.error.body')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('never exports a raw key, whether in a header, the query string or the URL userinfo', async () => {
    const userinfoUrl = new URL(`${apiUrl}/api/v4/users?api_key=${keyB}`);
    userinfoUrl.username = 'user';
    userinfoUrl.password = keyA;
    await httpGet(userinfoUrl.toString(), tagged('secret-http', { authorization: `Bearer ${keyB}` }));
    await (
      await fetch(`${apiUrl}/api/v4/users?token=${keyB}&key=${keyA}`, {
        headers: tagged('secret-fetch', { authorization: `Bearer ${keyB}` }),
      })
    ).text();
    await flushAndFind('secret-http');
    await flushAndFind('secret-fetch');
    const bytes = capture.allBytes();
    expect(bytes.length).toBeGreaterThan(1000);
    for (const key of [keyA, keyB]) {
      expect(bytes.includes(Buffer.from(key))).toBe(false);
      // Nor a long fragment of it: a truncated key still leaks most of it.
      expect(bytes.includes(Buffer.from(key.slice(0, 12)))).toBe(false);
      expect(bytes.includes(Buffer.from(key.slice(-12)))).toBe(false);
    }
  });
});
