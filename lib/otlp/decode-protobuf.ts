// Owns decoding a binary (application/x-protobuf) OTLP ExportTraceServiceRequest.
import { bytesToHex } from './bytes-to-hex';
import type { DecodedExport } from './decoded-span';
import { DecodedExportBuilder } from './decoded-export-builder';
import { longToBigInt } from './long-to-bigint';
import { OtlpDecodeError } from './otlp-decode-error';
import type { ExportTraceServiceRequestMessage, SpanMessage } from './otlp-proto-messages';
import { otlpProtoSchema } from './otlp-proto-schema';
import { protobufAttributes } from './protobuf-attributes';
import type { SpanCandidate } from './span-candidate';

const CONTENT_TYPE_HINT = 'Check that Content-Type matches the encoding you send.';

function parseRequest(buf: Uint8Array): ExportTraceServiceRequestMessage {
  try {
    // decode() returns a loosely typed Message; otlp-proto-messages describes its real shape.
    return otlpProtoSchema.exportTraceServiceRequest.decode(
      buf,
    ) as unknown as ExportTraceServiceRequestMessage;
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

function optionalTime(value: SpanMessage['startTimeUnixNano']): bigint | null {
  const nanos = longToBigInt(value, 'unsigned');
  // proto3 cannot tell an absent fixed64 from 0; both mean "missing" to the validator.
  return nanos === 0n ? null : nanos;
}

function toCandidate(span: SpanMessage): SpanCandidate {
  return {
    traceId: bytesToHex(span.traceId ?? []),
    spanId: bytesToHex(span.spanId ?? []),
    parentSpanId: bytesToHex(span.parentSpanId ?? []),
    name: span.name ?? '',
    kind: span.kind ?? 0,
    startTimeUnixNano: optionalTime(span.startTimeUnixNano),
    endTimeUnixNano: optionalTime(span.endTimeUnixNano),
    statusCode: span.status?.code ?? 0,
    attributes: protobufAttributes(span.attributes),
  };
}

/**
 * An empty buffer is a valid, empty ExportTraceServiceRequest in protobuf (every field absent),
 * so it decodes to zero spans rather than an error; JSON has no such reading of an empty body.
 */
export function decodeProtobufExport(buf: Uint8Array): DecodedExport {
  const request = parseRequest(buf);
  const builder = new DecodedExportBuilder('bytes');
  try {
    (request.resourceSpans ?? []).forEach((resourceSpans, resourceIndex) => {
      const resource = protobufAttributes(resourceSpans.resource?.attributes);
      (resourceSpans.scopeSpans ?? []).forEach((scopeSpans, scopeIndex) => {
        const scopeName = scopeSpans.scope?.name ?? '';
        (scopeSpans.spans ?? []).forEach((span, spanIndex) => {
          builder.add(toCandidate(span), { resourceIndex, scopeIndex, spanIndex }, resource, scopeName);
        });
      });
    });
  } catch (error) {
    // Only pathological nesting in attribute values can overflow the stack while mapping.
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
