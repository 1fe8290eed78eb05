// The better-sqlite3 connection under Prisma's SQLite adapter, and its prepared statements, for
// the ingest write path. Why not one JSON statement per table as on PostgreSQL (json-rows.ts):
// on SQLite every statement is a synchronous call on this same thread, so a round trip costs
// nothing, while building and parsing the JSON costs most of the work; measured on the
// benchmark's 512-span batches, the request rows took 3.0 ms as one prepared INSERT each and
// 9.3 ms as one json_each statement. Running them on the adapter's own connection, inside a
// transaction the adapter started, keeps one SQLite writer and its lock order.
import type BetterSqlite3 from 'better-sqlite3';

export type SqliteConnection = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement<unknown[]>;

const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function isSqliteConnection(value: unknown): value is SqliteConnection {
  const c = value as Partial<SqliteConnection> | null;
  return typeof c?.prepare === 'function' && typeof c.transaction === 'function' && typeof c.open === 'boolean';
}

/**
 * The connection of a @prisma/adapter-better-sqlite3 adapter or transaction. The adapter keeps
 * it in a `client` field it does not declare; the version is pinned in package.json and
 * sqlite-connection.test.ts fails if an upgrade moves it.
 */
export function sqliteConnectionOf(adapterOrTransaction: unknown): SqliteConnection {
  const client = (adapterOrTransaction as { client?: unknown } | null)?.client;
  if (!isSqliteConnection(client)) {
    throw new Error('The SQLite driver adapter does not expose its better-sqlite3 connection (field "client"); lib/db/sqlite-connection.ts must follow the adapter version.');
  }
  return client;
}

/** The statement for `sql` on this connection, prepared once per connection. */
export function preparedStatement(connection: SqliteConnection, sql: string): SqliteStatement {
  let byText = statements.get(connection);
  if (!byText) {
    byText = new Map();
    statements.set(connection, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}
