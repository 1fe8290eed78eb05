import { describe, expect, it } from 'vitest';
import { decodeExport } from './decode-export';
import { OtlpDecodeError } from './otlp-decode-error';

const utf8 = (text: string) => new TextEncoder().encode(text);
const EMPTY = { spans: [], rejectedSpans: 0, rejectReasons: [] };

describe('decodeExport', () => {
  it('an empty body is an empty request in protobuf but an error in JSON', () => {
    expect(decodeExport('protobuf', new Uint8Array(0))).toEqual(EMPTY);
    expect(() => decodeExport('json', new Uint8Array(0))).toThrow(OtlpDecodeError);
  });

  it('rejects JSON that is not valid UTF-8 instead of decoding replacement characters', () => {
    const bytes = Uint8Array.from([...utf8('{"resourceSpans":[],"x":"'), 0xff, 0xfe, ...utf8('"}')]);
    expect(() => decodeExport('json', bytes)).toThrow(OtlpDecodeError);
    expect(() => decodeExport('json', bytes)).toThrow(/not valid UTF-8/);
  });

  it('accepts JSON with a UTF-8 byte order mark', () => {
    expect(decodeExport('json', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual(EMPTY);
  });

  it('does not read JSON sent with a protobuf Content-Type as JSON', () => {
    expect(() => decodeExport('protobuf', utf8('{"resourceSpans":[]}'))).toThrow(
      /not a valid OTLP protobuf/,
    );
  });
});
