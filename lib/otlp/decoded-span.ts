// The decoder's output: one OTLP span flattened with its resource, independent of
// the wire encoding (protobuf or JSON) it arrived in.

/** An OTLP AnyValue, mapped to plain JS. Bytes become lower-case hex; int64 becomes a number (or a string if unsafe). */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | AttributeValue[]
  | { [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

/** OTLP SpanKind enum values. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

export interface DecodedSpan {
  /** 32 lower-case hex characters, never all zeros. */
  traceId: string;
  /** 16 lower-case hex characters, never all zeros. */
  spanId: string;
  /** 16 lower-case hex characters, or null for a root span. */
  parentSpanId: string | null;
  name: string;
  kind: number;
  /** Nanoseconds since the Unix epoch; always > 0. */
  startTimeUnixNano: bigint;
  /** Nanoseconds since the Unix epoch; always >= startTimeUnixNano. */
  endTimeUnixNano: bigint;
  /** OTLP Status.code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  attributes: Attributes;
  /** The attributes of the span's Resource (service.name, deployment.environment.name, ...). */
  resource: Attributes;
  scopeName: string;
}

/** Everything one export request carried: valid spans, plus the ones dropped as invalid and why. */
export interface DecodedExport {
  spans: DecodedSpan[];
  rejectedSpans: number;
  /** Distinct, human-readable reasons for the rejected spans (at most a handful). */
  rejectReasons: string[];
}
