// The better-sqlite3 connection under Prisma's SQLite adapter: found on the pinned adapter
// version (this fails first if an upgrade moves it) and its statements prepared once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './apply-migrations';
import { createDatabase } from './client';
import { preparedStatement, sqliteConnectionOf } from './sqlite-connection';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-connection-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function openDatabase(name: string) {
  const filePath = path.join(dir, name);
  const target = { provider: 'sqlite' as const, filePath, url: `file:${filePath}` };
  await applyMigrations(target);
  return createDatabase(target);
}

describe('sqliteConnectionOf', () => {
  it('finds the connection Prisma itself uses: what one writes, the other reads', async () => {
    const db = await openDatabase('a.db');
    const connection = sqliteConnectionOf(await db.adapter());
    connection.prepare("INSERT INTO ingest_minutes (minute, received, stored, duplicates, ignored, rejected, refused_requests) VALUES (7, 1, 1, 0, 0, 0, 0)").run();
    expect(await db.prisma.ingestMinute.count()).toBe(1);
    await db.prisma.$disconnect();
  });

  it('says what broke when an adapter does not expose it', () => {
    expect(() => sqliteConnectionOf({})).toThrow(/does not expose its better-sqlite3 connection/);
    expect(() => sqliteConnectionOf({ client: { prepare: () => undefined } })).toThrow(/field "client"/);
  });
});

describe('preparedStatement', () => {
  it('prepares a statement once per connection', async () => {
    const a = sqliteConnectionOf(await (await openDatabase('b.db')).adapter());
    const b = sqliteConnectionOf(await (await openDatabase('c.db')).adapter());
    const sql = 'SELECT count(*) FROM requests';
    expect(preparedStatement(a, sql)).toBe(preparedStatement(a, sql));
    expect(preparedStatement(a, sql)).not.toBe(preparedStatement(b, sql));
  });
});
