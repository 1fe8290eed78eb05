// Owns the bytes → lower-case hex conversion used for ids and bytes attribute values.

export function bytesToHex(bytes: Uint8Array): string {
  // A view, not a copy: protobufjs hands out slices of the request buffer.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
