// Owns undoing Content-Encoding on a request body without letting it expand past the limit.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { BodyTooLargeError, UnsupportedEncodingError } from './body-errors';
import { OtlpDecodeError } from './otlp-decode-error';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);

const SUPPORTED_ENCODINGS = ['gzip', 'deflate', 'identity'] as const;

type Codec = 'gzip' | 'deflate';

function parseEncoding(header: string | null): Codec | null {
  const tokens = (header ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'identity' && token !== 'none');
  if (tokens.length === 0) return null;
  const [token] = tokens;
  // Stacked encodings ("gzip, gzip") are legal HTTP but no OTLP exporter produces them.
  if (tokens.length === 1 && (token === 'gzip' || token === 'x-gzip')) return 'gzip';
  if (tokens.length === 1 && token === 'deflate') return 'deflate';
  throw new UnsupportedEncodingError(header ?? '', SUPPORTED_ENCODINGS);
}

function isTooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError &&
    (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
  );
}

// zlib's default 16 KiB output chunks each cost a round trip to the thread pool: a 512-span
// export took ~35 of them, about two thirds of its decompression CPU. Larger chunks change only
// how much may be inflated past the limit before stopping (one chunk).
const LARGE_CHUNK_BYTES = 256 * 1024;

/**
 * `decompress` in large chunks. A stream that fails for any reason other than size is decompressed
 * again in zlib's default chunks: whether a corrupt stream is first found too large or corrupt can
 * depend on where the chunks end, and that answer (413 or 400, and its message) must not change.
 * A success or a size error in large chunks is always the default chunks' answer too.
 */
async function inLargeChunks(
  decompress: (buf: Uint8Array, options: zlib.ZlibOptions) => Promise<Buffer>,
  buf: Uint8Array,
  options: zlib.ZlibOptions,
): Promise<Buffer> {
  try {
    return await decompress(buf, { ...options, chunkSize: LARGE_CHUNK_BYTES });
  } catch (error) {
    if (isTooLarge(error)) throw error;
    return await decompress(buf, options);
  }
}

async function inflateEitherFormat(buf: Uint8Array, options: zlib.ZlibOptions): Promise<Buffer> {
  try {
    return await inLargeChunks(inflate, buf, options);
  } catch (error) {
    // HTTP "deflate" means zlib-wrapped, but some clients send a raw deflate stream.
    if (isTooLarge(error)) throw error;
    return await inLargeChunks(inflateRaw, buf, options);
  }
}

/**
 * maxOutputLength makes zlib stop as soon as the output passes maxBytes, so a gzip bomb costs
 * at most maxBytes of memory instead of its full expanded size.
 */
export async function decompressBody(
  buf: Uint8Array,
  encoding: string | null,
  maxBytes: number,
): Promise<Uint8Array> {
  const codec = parseEncoding(encoding);
  if (codec === null) return buf;
  const options: zlib.ZlibOptions = { maxOutputLength: Math.max(1, maxBytes) };
  try {
    const out = codec === 'gzip' ? await inLargeChunks(gunzip, buf, options) : await inflateEitherFormat(buf, options);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if (isTooLarge(error)) throw new BodyTooLargeError(maxBytes, 'decompressed body');
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(
      `The body is not valid ${codec}: ${reason}. Check that Content-Encoding matches the body.`,
      { cause: error },
    );
  }
}
