// Hands out the very driver adapter (the SQLite connection, the PostgreSQL pool) that Prisma
// uses, so the ingest write path can run its few big statements on it without Prisma's query
// pipeline (see driver-transaction.ts) while everything else keeps using Prisma. Sharing one
// adapter keeps one SQLite writer and one pool: SQLite transactions still take turns on the
// adapter's own lock, whoever starts them.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface SharedAdapter {
  /** Give this to `new PrismaClient({ adapter })`. */
  factory: SqlDriverAdapterFactory;
  /** The connected adapter Prisma uses (connects it when Prisma has not yet). */
  adapter(): Promise<SqlDriverAdapter>;
}

export function shareAdapter(factory: SqlDriverAdapterFactory): SharedAdapter {
  let connected: Promise<SqlDriverAdapter> | undefined;
  const connect = (): Promise<SqlDriverAdapter> => {
    connected ??= factory.connect().then(
      (adapter) => {
        // After $disconnect Prisma connects afresh; so does the next adapter() call.
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = () => {
          connected = undefined;
          return dispose();
        };
        return adapter;
      },
      (err: unknown) => {
        connected = undefined;
        throw err;
      },
    );
    return connected;
  };
  return {
    factory: { provider: factory.provider, adapterName: factory.adapterName, connect },
    adapter: connect,
  };
}
