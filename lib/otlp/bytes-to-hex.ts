// Owns the bytes → lower-case hex conversion used for ids and bytes attribute values.

/**
 * Accepts plain arrays too: protobufjs leaves an unset bytes field as its shared empty-array
 * default rather than an empty Uint8Array.
 */
export function bytesToHex(bytes: Uint8Array | readonly number[]): string {
  if (!ArrayBuffer.isView(bytes)) return Buffer.from(bytes).toString('hex');
  // A view, not a copy: protobufjs hands out slices of the request buffer.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
