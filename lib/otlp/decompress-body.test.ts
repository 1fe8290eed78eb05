import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, UnsupportedEncodingError } from './body-errors';
import { decompressBody } from './decompress-body';
import { OtlpDecodeError } from './otlp-decode-error';

const MiB = 1024 * 1024;
const payload = new TextEncoder().encode(JSON.stringify({ resourceSpans: [] }).repeat(100));

/**
 * gzip of `mebibytes` MiB of zeros (~1 KiB per MiB), compressed from one reused 1 MiB chunk so
 * that building the bomb leaves no 64 MiB garbage behind to skew the memory measurement.
 */
async function gzipBomb(mebibytes: number): Promise<Buffer> {
  const gzip = zlib.createGzip();
  const zeros = Buffer.alloc(MiB);
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  for (let i = 0; i < mebibytes; i++) gzip.write(zeros);
  gzip.end();
  await ended;
  return Buffer.concat(out);
}

describe('decompressBody', () => {
  it.each([null, '', 'identity', ' Identity '])('passes %j through untouched', async (encoding) => {
    expect(await decompressBody(payload, encoding, MiB)).toBe(payload);
  });

  it.each(['gzip', 'x-gzip', 'GZIP'])('round-trips %s', async (encoding) => {
    const out = await decompressBody(zlib.gzipSync(payload), encoding, MiB);
    expect(Buffer.from(out).equals(Buffer.from(payload))).toBe(true);
  });

  it('round-trips zlib-wrapped and raw deflate', async () => {
    for (const compressed of [zlib.deflateSync(payload), zlib.deflateRawSync(payload)]) {
      const out = await decompressBody(compressed, 'deflate', MiB);
      expect(Buffer.from(out).equals(Buffer.from(payload))).toBe(true);
    }
  });

  it('rejects corrupt gzip as a decode error', async () => {
    const corrupt = zlib.gzipSync(payload);
    corrupt.fill(0x41, 10, 40);
    await expect(decompressBody(corrupt, 'gzip', MiB)).rejects.toThrow(OtlpDecodeError);
    await expect(decompressBody(corrupt, 'gzip', MiB)).rejects.toThrow(/^The body is not valid gzip: /);
    await expect(decompressBody(payload, 'gzip', MiB)).rejects.toThrow(/not valid gzip/);
  });

  it('rejects truncated gzip as a decode error', async () => {
    const truncated = zlib.gzipSync(payload).subarray(0, 30);
    await expect(decompressBody(truncated, 'gzip', MiB)).rejects.toThrow(OtlpDecodeError);
  });

  it('rejects encodings it cannot decode, naming the supported ones', async () => {
    await expect(decompressBody(payload, 'br', MiB)).rejects.toThrow(UnsupportedEncodingError);
    await expect(decompressBody(payload, 'zstd', MiB)).rejects.toThrow(/gzip, deflate, identity/);
    await expect(decompressBody(payload, 'gzip, gzip', MiB)).rejects.toThrow(
      UnsupportedEncodingError,
    );
  });

  it('stops a gzip bomb at the limit without expanding it in memory', async () => {
    const bomb = await gzipBomb(64);
    expect(bomb.length).toBeLessThan(MiB);
    const before = process.memoryUsage();
    // Summarise a success so a failing assertion does not try to print 64 MiB.
    const error = await decompressBody(bomb, 'gzip', 16 * MiB).then(
      (out) => `inflated to ${out.length} bytes`,
      (e: unknown) => e,
    );
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).maxBytes).toBe(16 * MiB);
    // Fully inflating would hold all 64 MiB at once; stopping at the limit holds ~16 MiB.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(40 * MiB);
    expect(after.rss - before.rss).toBeLessThan(64 * MiB);
  });

  it('accepts a body that decompresses to exactly the limit', async () => {
    const out = await decompressBody(zlib.gzipSync(payload), 'gzip', payload.length);
    expect(out.length).toBe(payload.length);
    await expect(
      decompressBody(zlib.gzipSync(payload), 'gzip', payload.length - 1),
    ).rejects.toThrow(BodyTooLargeError);
  });
});
