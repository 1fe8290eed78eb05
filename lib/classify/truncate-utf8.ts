// Byte-bounded truncation of text, for columns whose limit is in UTF-8 bytes.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** `text` cut to at most `maxBytes` bytes of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  // Each UTF-16 code unit encodes to at most 3 bytes, so short strings need no encoding pass.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  // Back up over continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.subarray(0, end));
}
