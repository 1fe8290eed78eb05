// Which statuses count as a success, and which failures the rules explain.

/** 2xx and 3xx: the API accepted the call (and so the key). */
export function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 400;
}

export function isServerError(statusCode: number): boolean {
  return statusCode >= 500 && statusCode < 600;
}

const diagnosed = new Set([401, 403, 404, 406, 409, 422, 429]);

/** Statuses some rule reads individual calls of. */
export function isDiagnosedStatus(statusCode: number): boolean {
  return diagnosed.has(statusCode) || isServerError(statusCode);
}
