// Owns mapping a Content-Type header to the OTLP wire encoding it names.

export type OtlpFormat = 'protobuf' | 'json';

const FORMATS: Record<string, OtlpFormat> = {
  'application/x-protobuf': 'protobuf',
  // Not in the OTLP spec, but the registered media type; some clients send it.
  'application/protobuf': 'protobuf',
  'application/json': 'json',
};

/** Ignores parameters such as "; charset=utf-8"; null means the route should answer 415. */
export function parseContentType(header: string | null | undefined): OtlpFormat | null {
  if (!header) return null;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return FORMATS[mediaType] ?? null;
}
