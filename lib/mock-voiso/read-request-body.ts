// Reads a request body up to a byte cap, surviving oversized uploads and clients that hang up.
import type { IncomingMessage } from 'node:http';

export type RequestBody = { kind: 'complete'; text: string } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * An oversized body is drained to its end rather than cut off: answering 413 while the
 * client is still uploading makes most clients (fetch included) report a reset, not the 413.
 */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<RequestBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: RequestBody): void => {
      if (settled) return;
      settled = true;
      resolve(body);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => {
      settle(size > maxBytes ? { kind: 'too_large' } : { kind: 'complete', text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', () => settle({ kind: 'aborted' }));
    // 'close' before 'end' means the client went away mid-body.
    request.on('close', () => settle({ kind: 'aborted' }));
  });
}
