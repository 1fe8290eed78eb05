// Owns choosing the decoder for an OTLP trace export body by its wire encoding.
import { decodeJsonExport } from './decode-json';
import { decodeProtobufExport } from './decode-protobuf';
import type { DecodedExport } from './decoded-span';
import { OtlpDecodeError } from './otlp-decode-error';
import type { OtlpFormat } from './parse-content-type';

// fatal: silently replacing bad bytes with U+FFFD would corrupt attribute values unnoticed.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new OtlpDecodeError(
      'The body is not valid UTF-8. OTLP/JSON must be UTF-8 encoded; if you send protobuf, set Content-Type: application/x-protobuf.',
      { cause: error },
    );
  }
}

/** Throws OtlpDecodeError (400) when the body cannot be decoded at all. */
export function decodeExport(format: OtlpFormat, bytes: Uint8Array): DecodedExport {
  return format === 'protobuf' ? decodeProtobufExport(bytes) : decodeJsonExport(decodeUtf8(bytes));
}
