// The response value the request handler returns, and the Voiso body shapes it can carry.

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised body; '' for 204. */
  body: string;
}

/** Field (or parameter) name → messages, the `errors` object of 406, 409 and 422. */
export type FieldErrors = Record<string, string[]>;

export const jsonContentType = 'application/json; charset=utf-8';

export function jsonResponse(status: number, payload: unknown): MockResponse {
  return { status, headers: { 'content-type': jsonContentType }, body: JSON.stringify(payload) };
}

/** `{"error": "..."}`: the simple shape of 400, 401, 403, 404, 413, 429 and 5xx. */
export function errorResponse(status: number, error: string): MockResponse {
  return jsonResponse(status, { error });
}

/** `{"errors": {...}}`: the shape of 406, 409 and 422. */
export function fieldErrorsResponse(status: number, errors: FieldErrors): MockResponse {
  return jsonResponse(status, { errors });
}

export const notFound = (): MockResponse => errorResponse(404, 'Not found');
export const conflict = (): MockResponse => fieldErrorsResponse(409, { state: ['conflict'] });
