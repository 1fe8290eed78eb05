// Owns reading a request body stream into memory while enforcing a byte limit.
import { BodyTooLargeError } from './body-errors';
import { OtlpDecodeError } from './otlp-decode-error';

// The route also needs these two; re-exported so the body-handling API has one entry point.
export { decompressBody } from './decompress-body';
export { parseContentType } from './parse-content-type';

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Stops reading and cancels the stream the moment the limit is passed, so an oversized upload
 * never sits in memory. Content-Length is checked first because it costs nothing to trust a
 * sender who admits the body is too big; a lying or absent header is caught by the count.
 */
export async function readRequestBody(
  request: Request,
  opts: { maxBytes: number },
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes) {
    throw new BodyTooLargeError(opts.maxBytes);
  }
  if (request.body === null) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((cause: unknown) => {
        // The sender went away or broke the stream: the request is incomplete, not a server fault.
        throw new OtlpDecodeError('The request body could not be read completely (the upload was interrupted). Send it again.', { cause });
      });
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        const error = new BodyTooLargeError(opts.maxBytes);
        // Not awaited: a slow or stuck source must not delay the 413.
        reader.cancel(error).catch(() => {});
        throw error;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return concat(chunks, total);
}
