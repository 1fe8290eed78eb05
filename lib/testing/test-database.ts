// A fresh, migrated database for one test file: a temporary SQLite file, or a new
// PostgreSQL database when FAULTLINE_TEST_DB=postgresql (scripts/test.mjs sets it, with
// FAULTLINE_TEST_PG_URL pointing at a server it made sure answers).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { createDatabase, type Database } from '@/lib/db/client';
import type { DatabaseTarget } from '@/lib/db/database-target';

export interface TestDatabase {
  db: Database;
  /** The DATABASE_URL a server process would use for the same database. */
  url: string;
  drop(): Promise<void>;
}

export function testProvider(): 'sqlite' | 'postgresql' {
  return process.env.FAULTLINE_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return openTestDatabase(testProvider() === 'postgresql' ? await createPostgresDatabase() : createSqliteFile());
}

/** A fresh, migrated SQLite file whatever FAULTLINE_TEST_DB says, for tests of SQLite-only parts. */
export async function createSqliteTestDatabase(): Promise<TestDatabase & { filePath: string }> {
  const target = createSqliteFile();
  return { ...(await openTestDatabase(target)), filePath: target.filePath };
}

async function openTestDatabase(target: DatabaseTarget): Promise<TestDatabase> {
  await applyMigrations(target);
  const db = createDatabase(target);
  return {
    db,
    url: target.url,
    async drop() {
      await db.prisma.$disconnect();
      if (target.provider === 'sqlite') fs.rmSync(path.dirname(target.filePath), { recursive: true, force: true });
      else await dropPostgresDatabase(target.url);
    },
  };
}

/**
 * createTestDatabase for a whole test file: created before its tests, dropped after them. The
 * object returned is filled in by that beforeAll, so use it inside tests and hooks only.
 */
export function createTestDatabaseForFile(): TestDatabase {
  const t = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(t, await createTestDatabase());
  });
  afterAll(async () => {
    // Nothing to drop when creating it failed.
    if ('drop' in t) await t.drop();
  });
  return t;
}

function createSqliteFile(): DatabaseTarget & { provider: 'sqlite' } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-test-'));
  const filePath = path.join(dir, 'faultline.db');
  return { provider: 'sqlite', filePath, url: `file:${filePath}` };
}

function adminUrl(): string {
  const url = process.env.FAULTLINE_TEST_PG_URL;
  if (!url) throw new Error('FAULTLINE_TEST_DB=postgresql needs FAULTLINE_TEST_PG_URL (run the suite with npm test)');
  return url;
}

async function createPostgresDatabase(): Promise<DatabaseTarget> {
  const name = `faultline_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { provider: 'postgresql', url: url.toString() };
}

async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
