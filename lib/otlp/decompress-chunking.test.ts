// decompressBody inflates in large chunks; its answers must stay those of zlib's default chunks.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompressBody } from './decompress-body';

const text = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `{"k${i % 97}":"v${(i * 7919) % 1000}"}`).join(','));
const limit = 100_000; // below the text's ~296 kB, so damaged streams race the limit

/** zlib as decompressBody used it before: default chunks, the same limit. */
async function defaultChunks(decompress: (buf: Uint8Array, o: zlib.ZlibOptions) => Promise<Buffer>, buf: Uint8Array): Promise<string> {
  try {
    return `ok ${(await decompress(buf, { maxOutputLength: limit })).length}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : 'corrupt';
  }
}

async function ours(buf: Uint8Array, encoding: string): Promise<string> {
  try {
    return `ok ${(await decompressBody(buf, encoding, limit)).length}`;
  } catch (error) {
    return (error as Error).name === 'BodyTooLargeError' ? 'too large' : 'corrupt';
  }
}

describe('decompressBody in large chunks', () => {
  it.each([
    ['gzip', zlib.gzipSync(text), promisify(zlib.gunzip)],
    ['deflate', zlib.deflateSync(text), promisify(zlib.inflate)],
  ] as const)('answers damaged %s streams as zlib in default chunks does', async (encoding, compressed, decompress) => {
    const outcomes = new Set<string>();
    for (let at = 10; at < compressed.length; at += 211) {
      const damaged = Buffer.from(compressed);
      damaged[at] = (damaged[at] ?? 0) ^ 0x55;
      const expected = await defaultChunks(decompress, damaged);
      expect(await ours(damaged, encoding), `byte ${at}`).toBe(expected);
      outcomes.add(expected);
    }
    expect(outcomes).toContain('too large');
    expect(outcomes).toContain('corrupt');
  });

  it('returns exactly what fits, and refuses one byte more', async () => {
    const small = text.subarray(0, limit);
    expect(Buffer.from(await decompressBody(zlib.gzipSync(small), 'gzip', limit)).equals(small)).toBe(true);
    await expect(decompressBody(zlib.gzipSync(text.subarray(0, limit + 1)), 'gzip', limit)).rejects.toThrow(/decompressed body/);
  });
});
