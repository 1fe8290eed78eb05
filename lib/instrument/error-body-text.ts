// Decides whether an error response body is text worth keeping, and decodes a bounded prefix of it.

/** The contract's bound on `faultline.error.body`. */
export const maxErrorBodyBytes = 4096;

const textualType = /^(text\/[a-z0-9.+-]+|application\/([a-z0-9.-]+\+)?(json|xml)|application\/x-www-form-urlencoded)$/;

/**
 * Whether a body with these headers may be captured: JSON, XML or text, and not compressed
 * (fetch decompresses for us; a raw `http` response does not). A missing content type is
 * allowed and left to `decodeErrorBody`, which rejects anything binary.
 */
export function isCapturableBody(contentType: string | undefined, contentEncoding?: string): boolean {
  if (contentEncoding && contentEncoding.trim().toLowerCase() !== 'identity') return false;
  if (!contentType) return true;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return textualType.test(mediaType);
}

/**
 * The first `maxBytes` of `bytes` as text, or null when they are not UTF-8 text (invalid
 * sequences or control characters other than whitespace mean binary). A character cut by
 * the bound is dropped rather than mangled.
 */
export function decodeErrorBody(bytes: Uint8Array, maxBytes: number = maxErrorBodyBytes): string | null {
  const prefix = bytes.subarray(0, maxBytes);
  let text: string;
  try {
    // stream: true holds back a trailing partial character instead of failing on it.
    text = new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: bytes.length > maxBytes });
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

/** Concatenates chunks up to `maxBytes + 1` bytes (one extra tells that the body went on). */
export function joinChunks(chunks: readonly Uint8Array[], maxBytes: number): Uint8Array {
  const limit = maxBytes + 1;
  const total = Math.min(
    limit,
    chunks.reduce((sum, chunk) => sum + chunk.length, 0),
  );
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= total) break;
    const part = chunk.subarray(0, total - offset);
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
