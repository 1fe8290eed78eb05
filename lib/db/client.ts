// The one Prisma client of the process, for SQLite or PostgreSQL per DATABASE_URL.
// Both generated clients come from the same models (scripts/generate-prisma.mjs), so the
// rest of lib/db is written once against the SQLite client's types.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { getEnv } from '@/lib/env';
import { type DatabaseTarget, resolveDatabaseTarget } from './database-target';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { type SharedAdapter, shareAdapter } from './shared-adapter';

export type PrismaDb = SqliteClient;

export interface Database {
  prisma: PrismaDb;
  target: DatabaseTarget;
  /** The driver adapter Prisma uses, for the ingest write path (driver-transaction.ts). */
  adapter: SharedAdapter['adapter'];
}

const globalForDb = globalThis as unknown as { faultlineDb?: Database };

export function createDatabase(target: DatabaseTarget): Database {
  if (target.provider === 'sqlite') {
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    // timeout = SQLite's busy timeout: a second process (npm run demo, a CLI) waits for the lock instead of failing.
    const shared = shareAdapter(new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 }));
    return { prisma: new SqliteClient({ adapter: shared.factory }), target, adapter: shared.adapter };
  }
  const shared = shareAdapter(
    new PrismaPg({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: 5_000,
      // A server that stops answering without closing the connection (a network partition, a
      // frozen host) must not hang requests: a query gets no answer for 30 s → "Query read
      // timeout" → 503 (is-database-unavailable.ts), and TCP keepalive retires dead connections.
      query_timeout: 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    }),
  );
  // Same models, other provider: the query API is identical, only the nominal type differs.
  return { prisma: new PostgresClient({ adapter: shared.factory }) as unknown as PrismaDb, target, adapter: shared.adapter };
}

/** The process-wide database (kept on globalThis so Next's dev reloads reuse one pool). */
export function getDatabase(): Database {
  if (!globalForDb.faultlineDb) {
    globalForDb.faultlineDb = createDatabase(resolveDatabaseTarget(getEnv().DATABASE_URL));
  }
  return globalForDb.faultlineDb;
}

export async function disconnectDatabase(): Promise<void> {
  const db = globalForDb.faultlineDb;
  globalForDb.faultlineDb = undefined;
  await db?.prisma.$disconnect();
}
