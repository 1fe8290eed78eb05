// One transaction run straight on the driver adapter Prisma shares with us (shared-adapter.ts),
// for the ingest write path. Prisma's raw queries pass every statement and its parameters
// through its query compiler (WebAssembly) and result mapping: about a millisecond per statement
// plus tens of nanoseconds per parameter byte, which was most of an ingest request's write time.
// Statements are still Prisma.Sql tagged templates, so values are always bound, never pasted.
import type { SqlDriverAdapter, SqlQuery } from '@prisma/driver-adapter-utils';
import type { Database } from './client';
import type { Prisma } from './generated/sqlite/client';
import { type SqliteConnection, sqliteConnectionOf } from './sqlite-connection';

export interface DriverTx {
  /** Rows as objects keyed by column name. */
  query<T>(sql: Prisma.Sql): Promise<T[]>;
  /** The number of rows changed. */
  execute(sql: Prisma.Sql): Promise<number>;
  /** On SQLite, the transaction's own connection, for prepared statements (sqlite-connection.ts); null on PostgreSQL. */
  sqlite: SqliteConnection | null;
}

type Queryable = Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>;

function toQuery(db: Database, sql: Prisma.Sql): SqlQuery {
  return {
    // `?` placeholders for SQLite, `$1…` for PostgreSQL.
    sql: db.target.provider === 'sqlite' ? sql.sql : sql.text,
    args: sql.values,
    argTypes: sql.values.map(() => ({ scalarType: 'unknown', arity: 'scalar' }) as const),
  };
}

// The codes Prisma itself reports for these adapter errors, so messages read the same either way.
const prismaCodes: Record<string, string> = { DatabaseNotReachable: 'P1001', SocketTimeout: 'P1008', ConnectionClosed: 'P1017' };

/**
 * The adapters throw DriverAdapterError with the driver's code in a plain object; restate it as
 * the message so callers (isDatabaseUnavailable) can tell "database is locked" from a bug.
 */
export function withDriverDetail(err: unknown): unknown {
  if (!(err instanceof Error) || err.name !== 'DriverAdapterError') return err;
  const cause = (err as { cause?: unknown }).cause;
  if (!cause || typeof cause !== 'object') return err;
  const { kind, originalCode, originalMessage } = cause as { kind?: unknown; originalCode?: unknown; originalMessage?: unknown };
  const prismaCode = typeof kind === 'string' ? prismaCodes[kind] : undefined;
  const detail = [kind, prismaCode, originalCode, originalMessage].filter((part) => typeof part === 'string' && part !== '').join(' ');
  return new Error(`${err.message}: ${detail}`, { cause: err });
}

function driverTx(db: Database, q: Queryable): DriverTx {
  return {
    async query<T>(sql: Prisma.Sql): Promise<T[]> {
      const result = await q.queryRaw(toQuery(db, sql));
      return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])) as T);
    },
    execute: (sql) => q.executeRaw(toQuery(db, sql)),
    sqlite: db.target.provider === 'sqlite' ? sqliteConnectionOf(q) : null,
  };
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function runInDriverTransaction<T>(db: Database, work: (tx: DriverTx) => Promise<T>): Promise<T> {
  let tx: Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;
  try {
    tx = await (await db.adapter()).startTransaction();
  } catch (err) {
    throw withDriverDetail(err);
  }
  let result: T;
  try {
    result = await work(driverTx(db, tx));
    // The adapters leave COMMIT and ROLLBACK to their caller; commit()/rollback() release the connection.
    await tx.executeRaw(statement('COMMIT'));
  } catch (err) {
    await tx.executeRaw(statement('ROLLBACK')).catch(() => undefined);
    await tx.rollback().catch(() => undefined);
    throw withDriverDetail(err);
  }
  await tx.commit();
  return result;
}

/**
 * Waits until the running driver transaction (an ingest write, one of Prisma's interactive
 * transactions) ends and keeps new ones from starting, without blocking the event loop, until
 * the returned function is called: the SQLite checkpointer's window to rewind the WAL.
 */
export async function holdTransactions(db: Database): Promise<() => Promise<void>> {
  // startTransaction takes the adapter's transaction lock and opens a transaction; only the lock
  // is wanted. Ending the (empty) transaction at once means statements Prisma runs outside any
  // transaction meanwhile commit by themselves and hold no snapshot; commit() frees the lock.
  const tx = await (await db.adapter()).startTransaction();
  try {
    await tx.executeRaw(statement('COMMIT'));
  } catch (err) {
    await tx.rollback();
    throw withDriverDetail(err);
  }
  return () => tx.commit();
}
