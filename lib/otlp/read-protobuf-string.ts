// Owns reading protobuf string fields exactly as protobufjs's Reader#string does, but faster for
// the common all-ASCII case (attribute keys, methods, hosts, URLs).
import protobuf from 'protobufjs';

const { BufferReader, util } = protobuf;

type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;
// Node's native ASCII/latin1 decoder, called directly: Buffer#toString's argument handling cost
// as much as the decoding for short strings. Any Uint8Array works as its receiver.
const nativeLatin1Slice = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice;

function latin1(buf: Uint8Array, start: number, end: number): string {
  if (nativeLatin1Slice) return nativeLatin1Slice.call(buf, start, end);
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1', start, end);
}

/**
 * Reader#bytes's first half: the length varint and the bounds check with its exact message. Moves
 * the reader past the bytes and returns their length; they start at r.pos - length.
 */
function claimBytes(r: protobuf.Reader): number {
  const length = r.uint32();
  if (r.pos + length > r.len) throw RangeError(`index out of range: ${r.pos} + ${length || 1} > ${r.len}`);
  r.pos += length;
  return length;
}

/** protobufjs's own lenient UTF-8 decoder, on its own slice: it reads past a truncated sequence's end. */
function lenientUtf8(buf: Uint8Array, start: number, end: number): string {
  return util.utf8.read(buf.subarray(start, end), 0, end - start);
}

/**
 * Reader#string is Reader#bytes (a length varint, then a bounds check that throws "index out of
 * range: …") followed by protobufjs's own lenient UTF-8 decoder, whose handling of invalid bytes
 * the decoded values depend on. For pure ASCII every decoder agrees, so only that case is decoded
 * natively. A BufferReader (a Buffer was passed in) already decodes natively and clamps rather
 * than throws at the end, so it keeps its own method.
 */
export function readProtobufString(r: protobuf.Reader): string {
  if (r instanceof BufferReader) return r.string();
  const length = claimBytes(r);
  const buf = r.buf;
  const end = r.pos;
  const start = end - length;
  for (let i = start; i < end; i++) if ((buf[i] as number) > 0x7f) return lenientUtf8(buf, start, end);
  return length === 0 ? '' : latin1(buf, start, end);
}
