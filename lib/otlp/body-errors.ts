// Owns the errors raised while reading and decompressing a request body (413 and 415).

/** The body (compressed or decompressed) exceeded the configured limit; the route answers 413. */
export class BodyTooLargeError extends Error {
  readonly httpStatus = 413;
  readonly maxBytes: number;

  constructor(maxBytes: number, what: 'body' | 'decompressed body' = 'body') {
    super(`The ${what} is larger than the limit of ${maxBytes} bytes. Send smaller batches.`);
    this.name = 'BodyTooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** Content-Encoding we cannot decode; the route answers 415. */
export class UnsupportedEncodingError extends Error {
  readonly httpStatus = 415;
  readonly encoding: string;

  constructor(encoding: string, supported: readonly string[]) {
    super(
      `Content-Encoding "${encoding}" is not supported. Use one of: ${supported.join(', ')}.`,
    );
    this.name = 'UnsupportedEncodingError';
    this.encoding = encoding;
  }
}
