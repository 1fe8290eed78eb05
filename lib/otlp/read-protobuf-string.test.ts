import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { varint } from '@/lib/testing/otlp-fuzz-cases';
import { readProtobufString } from './read-protobuf-string';

/** Length-prefixed strings back to back, as a plain Uint8Array (protobufjs's Reader, not BufferReader). */
function wire(...fields: readonly (readonly number[])[]): Uint8Array {
  return Uint8Array.from(fields.flatMap((bytes) => [...varint(bytes.length), ...bytes]));
}

const utf8 = (text: string) => [...Buffer.from(text, 'utf8')];

/** Every string in `bytes` read by `read`, then by Reader#string on a fresh reader: the same values and errors. */
function expectLikeReaderString(read: (r: protobuf.Reader) => string, bytes: Uint8Array): void {
  const run = (next: (r: protobuf.Reader) => string) => {
    const r = protobuf.Reader.create(bytes);
    const out: string[] = [];
    try {
      while (r.pos < r.len) out.push(next(r));
      return { out, pos: r.pos };
    } catch (error) {
      return { out, error: (error as Error).message, name: (error as Error).name };
    }
  };
  expect(run(read)).toStrictEqual(run((r) => r.string()));
}

const samples: [string, Uint8Array][] = [
  ['ASCII', wire(utf8('http.request.method'), utf8('GET'), [])],
  ['long ASCII', wire(utf8('x'.repeat(300)))],
  ['UTF-8', wire(utf8('caf\u00e9 \u{1F600}'))],
  ['invalid UTF-8', wire([0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff, 0xfe])],
  ['a sequence cut at the end of the field', wire([0x61, 0xe2, 0x82], utf8('next'))],
  ['a length past the end', Uint8Array.from([5, 0x61, 0x62])],
  ['a length varint past the end', Uint8Array.from([0x85])],
];

describe('readProtobufString', () => {
  const read = readProtobufString;
  it.each(samples)('reads %s as Reader#string does', (_label, bytes) => {
    expectLikeReaderString(read, bytes);
  });

  it('defers to BufferReader#string for Buffers', () => {
    const bytes = Buffer.from([2, 0xc3, 0x28, 9, 0x61]);
    const mine = protobuf.Reader.create(bytes);
    const theirs = protobuf.Reader.create(bytes);
    expect([read(mine), read(mine)]).toEqual([theirs.string(), theirs.string()]);
  });
});
