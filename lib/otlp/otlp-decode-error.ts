// Owns the error thrown when an export body cannot be decoded at all (the route answers 400).

/**
 * The whole request is unusable: not JSON/protobuf, wrong shape, corrupt gzip, invalid UTF-8.
 * The message is written for the sender and is safe to return verbatim in the 400 response.
 * Individual bad spans are not errors; they are counted in DecodedExport.rejectedSpans instead.
 */
export class OtlpDecodeError extends Error {
  readonly httpStatus = 400;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OtlpDecodeError';
  }
}
