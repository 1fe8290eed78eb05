import { describe, expect, it } from 'vitest';
import { withDriverDetail } from './driver-transaction';
import { isDatabaseUnavailable } from './is-database-unavailable';

// Shaped like @prisma/driver-adapter-utils' DriverAdapterError: the driver's details in a plain `cause`.
class DriverAdapterError extends Error {
  override name = 'DriverAdapterError';
  constructor(readonly payload: Record<string, unknown>) {
    super(typeof payload.message === 'string' ? payload.message : String(payload.kind));
    this.cause = payload;
  }
}

describe('withDriverDetail', () => {
  it.each([
    [{ kind: 'SocketTimeout', originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked' }],
    [{ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }],
    [{ kind: 'ConnectionClosed' }],
    [{ kind: 'SocketTimeout' }],
    [{ kind: 'postgres', originalCode: '57P03', originalMessage: 'the database system is starting up' }],
  ])('keeps a database that cannot answer recognisable: %j', (payload) => {
    expect(isDatabaseUnavailable(withDriverDetail(new DriverAdapterError(payload)))).toBe(true);
  });

  it('leaves bugs as bugs and other errors untouched', () => {
    const bug = withDriverDetail(new DriverAdapterError({ kind: 'ColumnNotFound', column: 'x' }));
    expect(isDatabaseUnavailable(bug)).toBe(false);
    expect((bug as Error).message).toContain('ColumnNotFound');
    const plain = new Error('ECONNREFUSED');
    expect(withDriverDetail(plain)).toBe(plain);
  });
});
