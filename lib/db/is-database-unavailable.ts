// Tells a database that cannot answer right now (down, unreachable, locked, out of
// connections) from a bug, so callers answer 503 + Retry-After instead of 500.
const transientPatterns = [
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN/,
  /Connection terminated|connection timeout|timeout exceeded when trying to connect/i,
  /Can't reach database server|DatabaseNotReachable|the database system is (starting up|shutting down)/i,
  /too many clients|remaining connection slots/i,
  /database is locked|SQLITE_BUSY/i,
  /Unable to start a transaction in the given time|Transaction already closed|expired transaction/i,
  /\bP10(01|02|08|17)\b|\bP2024\b|\bP2028\b/,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const text = e instanceof Error ? `${e.name} ${e.message} ${(e as { code?: unknown }).code ?? ''}` : String(e);
    if (transientPatterns.some((p) => p.test(text))) return true;
    e = e instanceof Error ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}
