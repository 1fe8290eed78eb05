// Builds OTLP/HTTP responses. Errors become what a stock exporter understands: a
// google.rpc.Status body in the request's encoding, the right status, and Retry-After
// on the statuses exporters retry.
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';
import { DecodeWorkerLostError } from '@/lib/ingest/decode-pool/decode-worker-lost-error';
import { BodyTooLargeError, UnsupportedEncodingError } from '@/lib/otlp/body-errors';
import { type EncodedResponse, encodeErrorStatus } from '@/lib/otlp/encode-response';
import { OtlpDecodeError } from '@/lib/otlp/otlp-decode-error';
import type { OtlpFormat } from '@/lib/otlp/parse-content-type';

export function otlpResponse(encoded: EncodedResponse, status: number, headers: Record<string, string> = {}): Response {
  // protobufjs hands out views on its own buffers; the cast only narrows the buffer type.
  const body = typeof encoded.body === 'string' ? encoded.body : (encoded.body as Uint8Array<ArrayBuffer>);
  return new Response(body, { status, headers: { 'Content-Type': encoded.contentType, ...headers } });
}

export function otlpErrorBody(format: OtlpFormat, status: number, message: string, headers: Record<string, string> = {}): Response {
  return otlpResponse(encodeErrorStatus(format, status, message), status, headers);
}

export class UnsupportedContentTypeError extends Error {
  constructor(contentType: string | null) {
    super(
      `Unsupported Content-Type ${contentType ? `"${contentType.slice(0, 100)}"` : '(none)'}: send application/x-protobuf or application/json (OTLP/HTTP).`,
    );
  }
}

/** Status and message for an error thrown while reading, decoding or storing an export. */
export function classifyIngestError(err: unknown): { status: number; message: string; retryAfter?: string; refused: boolean } {
  if (err instanceof BodyTooLargeError) return { status: 413, message: err.message, refused: true };
  if (err instanceof UnsupportedEncodingError || err instanceof UnsupportedContentTypeError) {
    return { status: 415, message: err.message, refused: true };
  }
  if (err instanceof OtlpDecodeError) return { status: 400, message: err.message, refused: true };
  if (err instanceof DecodeWorkerLostError) return { status: 503, message: err.message, retryAfter: '1', refused: false };
  if (isDatabaseUnavailable(err)) {
    return { status: 503, message: 'The database is unavailable; nothing was stored. Retry later.', retryAfter: '5', refused: false };
  }
  console.error('[faultline] ingest failed:', err instanceof Error ? err.message : err);
  return { status: 500, message: 'Internal error; nothing was stored.', refused: false };
}
