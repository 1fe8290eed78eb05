// Owns encoding OTLP/HTTP responses: ExportTraceServiceResponse on success, google.rpc.Status on failure.
import { otlpProtoSchema } from './otlp-proto-schema';
import type { OtlpFormat } from './parse-content-type';

export interface EncodedResponse {
  /** Uint8Array<ArrayBuffer> so it is directly a fetch BodyInit. */
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
}

export interface PartialSuccess {
  rejectedSpans: number;
  errorMessage: string;
}

// OTLP/HTTP answers in the encoding of the request.
const CONTENT_TYPES: Record<OtlpFormat, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

const GRPC_INVALID_ARGUMENT = 3;
const GRPC_UNKNOWN = 2;

/** Semantic gRPC codes for the HTTP statuses the ingest route can produce. */
const GRPC_CODE_BY_HTTP_STATUS: Record<number, number> = {
  400: GRPC_INVALID_ARGUMENT,
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  408: 4, // DEADLINE_EXCEEDED
  413: 8, // RESOURCE_EXHAUSTED
  415: GRPC_INVALID_ARGUMENT,
  429: 8, // RESOURCE_EXHAUSTED
  500: 13, // INTERNAL
  501: 12, // UNIMPLEMENTED
  503: 14, // UNAVAILABLE
  504: 4, // DEADLINE_EXCEEDED
};

/** protobufjs may return a view into a shared pool buffer; responses are tiny, so copy. */
function ownedCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export function grpcCodeForHttpStatus(httpStatus: number): number {
  const mapped = GRPC_CODE_BY_HTTP_STATUS[httpStatus];
  if (mapped !== undefined) return mapped;
  if (httpStatus >= 400 && httpStatus < 500) return GRPC_INVALID_ARGUMENT;
  if (httpStatus >= 500) return 13;
  return GRPC_UNKNOWN;
}

/**
 * partialSuccess is omitted when nothing was rejected and there is no message, which the spec
 * defines as full success (an empty response).
 */
export function encodeExportResponse(
  format: OtlpFormat,
  partial: PartialSuccess | null,
): EncodedResponse {
  const hasPartial = partial !== null && (partial.rejectedSpans > 0 || partial.errorMessage !== '');
  const contentType = CONTENT_TYPES[format];
  if (format === 'json') {
    const body = hasPartial
      ? {
          partialSuccess: {
            // proto3 JSON writes int64 as a decimal string.
            rejectedSpans: String(partial.rejectedSpans),
            errorMessage: partial.errorMessage,
          },
        }
      : {};
    return { body: JSON.stringify(body), contentType };
  }
  const type = otlpProtoSchema.exportTraceServiceResponse;
  const message = type.create(
    hasPartial
      ? {
          partialSuccess: {
            rejectedSpans: partial.rejectedSpans,
            errorMessage: partial.errorMessage,
          },
        }
      : {},
  );
  return { body: ownedCopy(type.encode(message).finish()), contentType };
}

/** The body of a 4xx/5xx OTLP/HTTP response. */
export function encodeErrorStatus(
  format: OtlpFormat,
  httpStatus: number,
  message: string,
): EncodedResponse {
  const code = grpcCodeForHttpStatus(httpStatus);
  const contentType = CONTENT_TYPES[format];
  if (format === 'json') return { body: JSON.stringify({ code, message }), contentType };
  const type = otlpProtoSchema.rpcStatus;
  return { body: ownedCopy(type.encode(type.create({ code, message })).finish()), contentType };
}
