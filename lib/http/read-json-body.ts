// Reads a JSON request body for the /api/v1 write routes: a size cap while reading, strict
// UTF-8, and a 400 that shows what a valid body looks like.
import { BodyTooLargeError } from '@/lib/otlp/body-errors';
import { readRequestBody } from '@/lib/otlp/read-body';
import { ApiError } from './api-error';

export interface ReadJsonBodyOptions {
  maxBytes: number;
  /** A valid body, quoted in the error when the body is not JSON. */
  example: string;
}

export async function readJsonBody(request: Request, { maxBytes, example }: ReadJsonBodyOptions): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readRequestBody(request, { maxBytes }));
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new ApiError('bad_request', `The body is larger than the limit of ${maxBytes} bytes.`);
    throw new ApiError('bad_request', 'The body could not be read as UTF-8 text.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', `The body must be JSON, e.g. ${example}.`);
  }
}
