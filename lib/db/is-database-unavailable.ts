// Tells a database that cannot answer right now (down, restarting, unreachable, locked, out of
// connections) from a bug, so callers answer 503 + Retry-After instead of 500.
const transientPatterns = [
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EPIPE/,
  // pg: a pooled connection whose server went away, and the pool's connect timeout.
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|server closed the connection unexpectedly|Query read timeout/i,
  /Can't reach database server|DatabaseNotReachable|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  // PostgreSQL stopping or restarting: 57P01 (admin shutdown), 57P02 (crash shutdown), 57P03 (cannot connect now).
  /terminating connection (due to|because of)|\b57P0[123]\b/i,
  /too many clients|remaining connection slots/i,
  /database is locked|SQLITE_BUSY/i,
  /Unable to start a transaction in the given time|Transaction already closed|expired transaction/i,
  /\bP10(01|02|08|17)\b|\bP2024\b|\bP2028\b/,
];

// What the Prisma driver adapters report for a connection that failed or went away
// (PrismaClientKnownRequestError.meta.driverAdapterError.cause.kind).
const transientAdapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// SQLSTATE class 08 (connection exception), 53300 (too many connections), 57P01–57P03 (shutdown, restart).
const transientSqlState = /^(08...|53300|57P0[123])$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const text = e instanceof Error ? `${e.name} ${e.message} ${(e as { code?: unknown }).code ?? ''}` : String(e);
    if (transientPatterns.some((p) => p.test(text))) return true;
    if (isTransientAdapterCause(adapterCauseOf(e))) return true;
    e = e instanceof Error ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}

interface AdapterCause {
  kind?: unknown;
  code?: unknown;
  originalCode?: unknown;
}

function adapterCauseOf(e: unknown): AdapterCause | undefined {
  const meta = (e as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause ?? (e as { cause?: unknown } | null)?.cause;
  return cause && typeof cause === 'object' ? (cause as AdapterCause) : undefined;
}

function isTransientAdapterCause(cause: AdapterCause | undefined): boolean {
  if (!cause) return false;
  if (typeof cause.kind === 'string' && transientAdapterKinds.has(cause.kind)) return true;
  return [cause.code, cause.originalCode].some((code) => typeof code === 'string' && transientSqlState.test(code));
}
