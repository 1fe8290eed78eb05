import { describe, expect, it } from 'vitest';
import { BodyTooLargeError } from './body-errors';
import { parseContentType, readRequestBody } from './read-body';

const KiB = 1024;

/** A request whose body is produced chunk by chunk, recording how far the reader pulled. */
function streamingRequest(chunkCount: number, chunkSize: number, headers: HeadersInit = {}) {
  const stats = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled === chunkCount) {
        controller.close();
        return;
      }
      stats.pulled += 1;
      controller.enqueue(new Uint8Array(chunkSize).fill(stats.pulled));
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  // duplex is required by Node's fetch for streaming bodies but missing from the DOM typings.
  const init: RequestInit & { duplex: 'half' } = { method: 'POST', body, headers, duplex: 'half' };
  return { request: new Request('http://localhost/v1/traces', init), stats };
}

describe('readRequestBody', () => {
  it('concatenates all chunks when under the limit', async () => {
    const { request } = streamingRequest(3, 4 * KiB);
    const body = await readRequestBody(request, { maxBytes: 12 * KiB });
    expect(body.length).toBe(12 * KiB);
    expect([body[0], body[4 * KiB], body[12 * KiB - 1]]).toEqual([1, 2, 3]);
  });

  it('stops reading and cancels the stream as soon as the limit is passed', async () => {
    const { request, stats } = streamingRequest(1000, 64 * KiB);
    // Summarise a success so a failing assertion does not try to print the whole body.
    const outcome = await readRequestBody(request, { maxBytes: 200 * KiB }).then(
      (body) => `read all ${body.length} bytes`,
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(BodyTooLargeError);
    // 4 chunks cross 200 KiB; allow for the stream's read-ahead but nowhere near all 1000.
    expect(stats.pulled).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stats.cancelled).toBe(true);
  });

  it('rejects up front when Content-Length already exceeds the limit', async () => {
    const { request, stats } = streamingRequest(1, 10, { 'content-length': String(10 * KiB) });
    const error = await readRequestBody(request, { maxBytes: KiB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).maxBytes).toBe(KiB);
    expect(stats.pulled).toBeLessThanOrEqual(1);
  });

  it('returns an empty body for a request without one', async () => {
    const request = new Request('http://localhost/v1/traces', { method: 'POST' });
    expect((await readRequestBody(request, { maxBytes: KiB })).length).toBe(0);
  });
});

describe('parseContentType', () => {
  it.each([
    ['application/x-protobuf', 'protobuf'],
    ['application/protobuf', 'protobuf'],
    ['Application/X-Protobuf', 'protobuf'],
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    [' APPLICATION/JSON ;charset=UTF-8', 'json'],
    ['text/plain', null],
    ['application/jsonx', null],
    ['', null],
    [null, null],
  ])('%j → %j', (header, expected) => {
    expect(parseContentType(header)).toBe(expected);
  });
});
