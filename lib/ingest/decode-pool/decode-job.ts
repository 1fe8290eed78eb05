// Owns the messages between the ingest route and a decode worker: the job, the reply, and the
// error that survives the thread boundary with its HTTP meaning (status and sender-facing message).
import { BodyTooLargeError, UnsupportedEncodingError } from '@/lib/otlp/body-errors';
import { OtlpDecodeError } from '@/lib/otlp/otlp-decode-error';
import type { OtlpFormat } from '@/lib/otlp/parse-content-type';
import type { ClassifiedExport } from '../classify-export';
import { DecodeWorkerLostError } from './decode-worker-lost-error';

export interface DecodeJob {
  format: OtlpFormat;
  contentEncoding: string | null;
  /** The body as read (still compressed); its buffer is transferred to the worker, not copied. */
  body: Uint8Array;
  maxBytes: number;
  extraAttributeNames: readonly string[];
}

/** An error as plain data: class instances lose their prototype in a structured clone. */
export type SerializedDecodeError =
  | { kind: 'decode'; message: string }
  | { kind: 'too-large'; message: string; maxBytes: number }
  | { kind: 'unsupported-encoding'; message: string; encoding: string }
  | { kind: 'internal'; message: string; name: string }
  /** The worker died with the job in flight; not the body's fault. */
  | { kind: 'worker-lost'; detail: string };

export interface DecodeRequest {
  id: number;
  job: DecodeJob;
}

/** What the pool answers: data only, so a pool kept across Next dev reloads creates no class instances. */
export type DecodeOutcome = { ok: true; classified: ClassifiedExport; threadId: number } | { ok: false; error: SerializedDecodeError };

export type DecodeReply = DecodeOutcome & { id: number };

export function serializeDecodeError(err: unknown): SerializedDecodeError {
  if (err instanceof BodyTooLargeError) return { kind: 'too-large', message: err.message, maxBytes: err.maxBytes };
  if (err instanceof UnsupportedEncodingError) return { kind: 'unsupported-encoding', message: err.message, encoding: err.encoding };
  if (err instanceof OtlpDecodeError) return { kind: 'decode', message: err.message };
  const name = err instanceof Error ? err.name : 'Error';
  return { kind: 'internal', name, message: err instanceof Error ? err.message : String(err) };
}

/**
 * Rebuilds the class the route's classifyIngestError matches on. The message is restored
 * verbatim because the constructors' arguments (e.g. "body" vs "decompressed body") are not kept.
 * Called by the module instance that serves the request, so instanceof holds after dev reloads.
 */
export function rebuildDecodeError(e: SerializedDecodeError): Error {
  if (e.kind === 'worker-lost') return new DecodeWorkerLostError(e.detail);
  let err: Error;
  if (e.kind === 'too-large') err = new BodyTooLargeError(e.maxBytes);
  else if (e.kind === 'unsupported-encoding') err = new UnsupportedEncodingError(e.encoding, []);
  else if (e.kind === 'decode') err = new OtlpDecodeError(e.message);
  else {
    // An unexpected failure stays unexpected: the route answers 500 and logs it, as in-thread.
    err = new Error(e.message);
    err.name = e.name;
  }
  err.message = e.message;
  return err;
}
