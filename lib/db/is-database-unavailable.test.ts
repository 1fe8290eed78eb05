import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './is-database-unavailable';

/** The shape Prisma 6 gives a raw query's driver adapter failure (captured from a stopped PostgreSQL). */
function prismaAdapterError(message: string, cause: Record<string, unknown>): Error {
  return Object.assign(new Error(`\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. ${message}`), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2010',
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });
}

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

describe('isDatabaseUnavailable', () => {
  // Each as seen with PostgreSQL 15 stopped (pg_ctl stop -m immediate / fast) and started again under load.
  it.each([
    ['a pooled connection cut by the stop', new Error('Connection terminated unexpectedly')],
    ['a transaction whose connection was cut', new Error('Client has encountered a connection error and is not queryable')],
    ['the pool giving up connecting', new Error('timeout exceeded when trying to connect')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'Prisma: server not reachable',
      prismaAdapterError("Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:35593`", {
        kind: 'DatabaseNotReachable',
        host: '127.0.0.1',
        port: 35593,
      }),
    ],
    [
      'Prisma: 57P01 on a fast shutdown or terminated backend',
      prismaAdapterError('Code: `57P01`. Message: `terminating connection due to administrator command`', {
        originalCode: '57P01',
        kind: 'postgres',
        code: '57P01',
        severity: 'FATAL',
        message: 'terminating connection due to administrator command',
      }),
    ],
    ['pg: shutting down', pgError('57P03', 'the database system is shutting down')],
    ['pg: starting up', pgError('57P03', 'the database system is starting up')],
    ['pg: recovering', pgError('57P03', 'the database system is not yet accepting connections')],
    ['pg: crash of another backend', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['adapter kind only', prismaAdapterError('Message: closed', { kind: 'ConnectionClosed' })],
    ['SQLSTATE class 08 only', prismaAdapterError('Message: x', { kind: 'postgres', code: '08006', message: 'x' })],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    // pg's query_timeout (lib/db/client.ts) when a server stops answering without closing the connection.
    ['a query the server never answered', new Error('Query read timeout')],
    ['SQLite busy', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['wrapped in a cause', new Error('saving failed', { cause: new Error('Connection terminated unexpectedly') })],
  ])('%s: unavailable', (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', prismaAdapterError('Code: `23505`.', { kind: 'UniqueConstraintViolation' })],
    ['a syntax error', prismaAdapterError('Code: `42601`. Message: `syntax error`', { kind: 'postgres', code: '42601' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s: not unavailable', (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
