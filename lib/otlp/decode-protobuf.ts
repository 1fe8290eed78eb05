// Owns decoding a binary (application/x-protobuf) OTLP ExportTraceServiceRequest.
import type { DecodedExport } from './decoded-span';
import { DecodedExportBuilder } from './decoded-export-builder';
import { OtlpDecodeError } from './otlp-decode-error';
import { readExportTraceServiceRequest } from './protobuf-wire-decoder';
import type { ResourceSpansCandidate } from './span-candidate';

const CONTENT_TYPE_HINT = 'Check that Content-Type matches the encoding you send.';

function parseRequest(buf: Uint8Array): ResourceSpansCandidate[] {
  try {
    return readExportTraceServiceRequest(buf);
  } catch (error) {
    const reason =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'values are nested too deeply'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new OtlpDecodeError(
      `The body is not a valid OTLP protobuf ExportTraceServiceRequest: ${reason}. ${CONTENT_TYPE_HINT}`,
      { cause: error },
    );
  }
}

/**
 * An empty buffer is a valid, empty ExportTraceServiceRequest in protobuf (every field absent),
 * so it decodes to zero spans rather than an error; JSON has no such reading of an empty body.
 */
export function decodeProtobufExport(buf: Uint8Array): DecodedExport {
  const resourceSpans = parseRequest(buf);
  const builder = new DecodedExportBuilder('bytes');
  try {
    resourceSpans.forEach((resource, resourceIndex) => {
      resource.scopeSpans.forEach((scope, scopeIndex) => {
        scope.spans.forEach((span, spanIndex) => {
          builder.add(span, { resourceIndex, scopeIndex, spanIndex }, resource.resource, scope.scopeName);
        });
      });
    });
  } catch (error) {
    // Only pathological nesting in attribute values can overflow the stack while repairing text.
    if (error instanceof RangeError) {
      throw new OtlpDecodeError(
        'The OTLP protobuf request has attribute values nested too deeply to process.',
        { cause: error },
      );
    }
    throw error;
  }
  return builder.build();
}
