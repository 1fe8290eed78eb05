// The better-sqlite3 connection under Prisma's SQLite adapter: found on the pinned adapter
// version (this fails first if an upgrade moves it) and its statements prepared once.
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { preparedStatement, sqliteConnectionOf } from './sqlite-connection';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const t of opened) await t.drop();
});

async function openDatabase() {
  const t = await createSqliteTestDatabase();
  opened.push(t);
  return t.db;
}

describe('sqliteConnectionOf', () => {
  it('finds the connection Prisma itself uses: what one writes, the other reads', async () => {
    const db = await openDatabase();
    const connection = sqliteConnectionOf(await db.adapter());
    connection.prepare("INSERT INTO ingest_minutes (minute, received, stored, duplicates, ignored, rejected, refused_requests) VALUES (7, 1, 1, 0, 0, 0, 0)").run();
    expect(await db.prisma.ingestMinute.count()).toBe(1);
  });

  it('says what broke when an adapter does not expose it', () => {
    expect(() => sqliteConnectionOf({})).toThrow(/does not expose its better-sqlite3 connection/);
    expect(() => sqliteConnectionOf({ client: { prepare: () => undefined } })).toThrow(/field "client"/);
  });
});

describe('preparedStatement', () => {
  it('prepares a statement once per connection', async () => {
    const a = sqliteConnectionOf(await (await openDatabase()).adapter());
    const b = sqliteConnectionOf(await (await openDatabase()).adapter());
    const sql = 'SELECT count(*) FROM requests';
    expect(preparedStatement(a, sql)).toBe(preparedStatement(a, sql));
    expect(preparedStatement(a, sql)).not.toBe(preparedStatement(b, sql));
  });
});
