// Turns a raw body or query string into a typed value, or into the 400 / 422 the API answers.
import type { z } from 'zod';
import { errorResponse, fieldErrorsResponse, type MockResponse } from './mock-response';
import { toFieldErrors } from './to-field-errors';

export type Validated<T> = { ok: true; value: T } | { ok: false; response: MockResponse };

function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, response: fieldErrorsResponse(422, toFieldErrors(result.error.issues)) };
}

/** Malformed JSON, or JSON that is not an object (array, string, null), is a 400 before any field is looked at. */
export function validateJsonBody<S extends z.ZodType>(schema: S, rawBody: string): Validated<z.output<S>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, response: errorResponse(400, 'Bad Request') };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, response: errorResponse(400, 'Bad Request') };
  }
  return validate(schema, parsed);
}

/** Query parameters by name (the first wins when one is repeated); unknown ones are ignored by the schema. */
export function validateQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): Validated<z.output<S>> {
  const first = new Map<string, string>();
  for (const [name, value] of query) {
    if (!first.has(name)) first.set(name, value);
  }
  return validate(schema, Object.fromEntries(first));
}
