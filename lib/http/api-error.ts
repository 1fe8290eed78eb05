// One error shape for the JSON API: { error: { code, message } }, one code→status table,
// one mapper. Unknown failures become a 500 that reveals nothing internal.
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unprocessable: 422,
  /** An alert rule that fails validation; `fields` names each field's problems. */
  invalid_rule: 422,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Problems per field, by dotted path ("channels.0.url"); sent as `error.fields`. */
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) {
    const error = err.fields ? { code: err.code, message: err.message, fields: err.fields } : { code: err.code, message: err.message };
    return Response.json({ error }, { status: errorStatus[err.code], headers: err.headers });
  }
  if (isDatabaseUnavailable(err)) {
    return Response.json(
      { error: { code: 'unavailable', message: 'The database is unavailable; retry shortly.' } },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
  console.error('[faultline] unexpected error:', err instanceof Error ? err.message : err);
  return Response.json({ error: { code: 'internal', message: 'Internal error' } }, { status: 500 });
}
