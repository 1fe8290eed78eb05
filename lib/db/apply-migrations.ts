// Applies the committed migrations at start-up, on SQLite and PostgreSQL alike, and
// records them in Prisma's own _prisma_migrations table so `prisma migrate status` agrees.
// Prisma's `migrate deploy` cannot run here on PostgreSQL through the driver adapter, so
// this runner uses the drivers directly; a lock makes concurrent replicas take turns.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database-target';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const migrationsTableSql = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

// Arbitrary constant: the advisory-lock key every Faultline replica agrees on.
const postgresLockKey = 7_141_901;

export function migrationsDir(provider: DatabaseTarget['provider'], root = process.cwd()): string {
  return path.join(root, 'prisma', provider === 'sqlite' ? 'migrations' : 'migrations-postgres');
}

export function loadMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) throw new Error(`No migrations folder at ${dir}: run Faultline from its project folder`);
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  const migrations = loadMigrations(migrationsDir(target.provider, root));
  return target.provider === 'sqlite' ? applySqlite(target.filePath, migrations) : applyPostgres(target.url, migrations);
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead of editing it`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function applySqlite(filePath: string, migrations: Migration[]): string[] {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Sqlite(filePath, { timeout: 30_000 });
  try {
    // WAL lets the dashboard read while ingest writes; it is a property of the file, set once.
    db.pragma('journal_mode = WAL');
    db.exec(migrationsTableSql.sqlite);
    const done: string[] = [];
    // IMMEDIATE takes the write lock up front, so two processes starting together take turns.
    db.exec('BEGIN IMMEDIATE');
    try {
      const rows = db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL').all() as {
        migration_name: string;
        checksum: string;
      }[];
      const record = db.prepare(
        'INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)',
      );
      for (const m of pending(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])))) {
        db.exec(m.sql);
        record.run(randomUUID(), m.checksum, m.name);
        done.push(m.name);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    return done;
  } finally {
    db.close();
  }
}

async function applyPostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [postgresLockKey]);
    await client.query(migrationsTableSql.postgresql);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL',
    );
    const done: string[] = [];
    for (const m of pending(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])))) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [postgresLockKey]).catch(() => undefined);
    await client.end();
  }
}
