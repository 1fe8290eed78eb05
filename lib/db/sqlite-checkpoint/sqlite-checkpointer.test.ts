// The SQLite checkpointer thread against a real SQLite file under continuous ingest writes:
// the WAL stays bounded (it rewinds while the writers are held), nothing written is lost, and
// the main connection's automatic checkpoint is back to SQLite's default whenever the thread
// is not running. SQLite only: the checkpointer exists for SQLite's WAL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { holdTransactions } from '@/lib/db/driver-transaction';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { sqliteConnectionOf } from '@/lib/db/sqlite-connection';
import { makeRequest } from '@/lib/testing/make-request';
import { createSqliteTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { checkpointWorkerBundlePath } from './checkpoint-worker-path';
import { defaultAutocheckpointFrames, safetyNetAutocheckpointFrames, type SqliteCheckpointer, startSqliteCheckpointer } from './start-sqlite-checkpointer';

const opened: TestDatabase[] = [];
let checkpointer: SqliteCheckpointer | null = null;

afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = null;
  for (const t of opened.splice(0)) await t.drop();
});

async function sqliteDatabase(): Promise<{ db: Database; filePath: string }> {
  const t = await createSqliteTestDatabase();
  opened.push(t);
  return t;
}

const autocheckpoint = async (db: Database) => Number(sqliteConnectionOf(await db.adapter()).pragma('wal_autocheckpoint', { simple: true }));
const walBytes = (filePath: string) => fs.statSync(`${filePath}-wal`).size;
const tally = (n: number) => ({ received: n, ignored: 0, rejected: 0 });

/** `batches` exports of 200 calls, written back to back as a busy ingest writes them. */
async function writeBatches(db: Database, batches: number): Promise<number> {
  let stored = 0;
  for (let i = 0; i < batches; i++) {
    const calls = Array.from({ length: 200 }, (_, j) => makeRequest({ startMs: Date.now() - j * 1_000, statusCode: j % 7 === 0 ? 429 : 200 }));
    stored += (await saveRequestBatch(db, calls, tally(calls.length), Date.now())).stored;
    // Lets the thread's messages in, as a server's event loop does between requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return stored;
}

describe('holdTransactions (the checkpointer\'s window)', () => {
  it('holds transactions back, not statements: a write outside any transaction commits during the hold', async () => {
    const { db, filePath } = await sqliteDatabase();
    const release = await holdTransactions(db);
    await db.prisma.$executeRaw`INSERT INTO ingest_minutes (minute, received, stored, duplicates, ignored, rejected, refused_requests) VALUES (7, 1, 1, 0, 0, 0, 0)`;
    const other = new Sqlite(filePath, { readonly: true });
    try {
      expect((other.prepare('SELECT count(*) AS n FROM ingest_minutes').get() as { n: number }).n).toBe(1);
    } finally {
      other.close();
    }
    let ran = false;
    const waiting = db.prisma.$transaction(async () => {
      ran = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ran).toBe(false);
    await release();
    await waiting;
    expect(ran).toBe(true);
  });
});

describe('SQLite checkpointer thread', () => {
  it('keeps the WAL bounded under continuous writes and loses nothing', async () => {
    const { db, filePath } = await sqliteDatabase();
    const connection = sqliteConnectionOf(await db.adapter());
    // Without the thread, and without SQLite's own checkpoint, the WAL only grows: the yardstick.
    const unbounded = await sqliteDatabase();
    sqliteConnectionOf(await unbounded.db.adapter()).pragma('wal_autocheckpoint = 0');
    await writeBatches(unbounded.db, 40);

    checkpointer = startSqliteCheckpointer(connection, filePath, () => holdTransactions(db), checkpointWorkerBundlePath(), { intervalMs: 5, restartFrames: 100 });
    expect(checkpointer).not.toBeNull();
    await checkpointer!.ready;
    expect(await autocheckpoint(db)).toBe(safetyNetAutocheckpointFrames);
    const stored = await writeBatches(db, 40);

    expect(stored).toBe(40 * 200);
    expect(await db.prisma.request.count()).toBe(40 * 200);
    // Far below the unchecked WAL: the thread rewound it while the writers were held.
    expect(walBytes(filePath)).toBeLessThan(walBytes(unbounded.filePath) / 3);
  });

  it('asks again after the server could not hold its writers, instead of waiting for good', async () => {
    const { db, filePath } = await sqliteDatabase();
    let asked = 0;
    const lines: string[] = [];
    const refuse = async (): Promise<() => Promise<void>> => {
      asked += 1;
      throw new Error('no transaction lock today');
    };
    checkpointer = startSqliteCheckpointer(sqliteConnectionOf(await db.adapter()), filePath, refuse, checkpointWorkerBundlePath(), {
      intervalMs: 5,
      restartFrames: 1,
      log: (line) => lines.push(line),
    });
    await checkpointer!.ready;
    await writeBatches(db, 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toBeGreaterThan(1);
    expect(lines.join('\n')).toContain('could not hold the writers for a checkpoint: no transaction lock today');
    expect(await db.prisma.request.count()).toBe(3 * 200);
  });

  it('gives the main connection its automatic checkpoint back when it stops', async () => {
    const { db, filePath } = await sqliteDatabase();
    checkpointer = startSqliteCheckpointer(sqliteConnectionOf(await db.adapter()), filePath, () => holdTransactions(db), checkpointWorkerBundlePath());
    await checkpointer!.ready;
    expect(await autocheckpoint(db)).toBe(safetyNetAutocheckpointFrames);
    await checkpointer!.stop();
    checkpointer = null;
    expect(await autocheckpoint(db)).toBe(defaultAutocheckpointFrames);
  });

  it('leaves SQLite checkpointing on commit, with a warning, when the bundle is missing', async () => {
    const { db, filePath } = await sqliteDatabase();
    const lines: string[] = [];
    const started = startSqliteCheckpointer(sqliteConnectionOf(await db.adapter()), filePath, () => holdTransactions(db), path.join(os.tmpdir(), 'no-such-checkpoint-worker.mjs'), {
      log: (line) => lines.push(line),
    });
    expect(started).toBeNull();
    expect(lines.join('\n')).toMatch(/missing, so SQLite checkpoints on the ingest thread/);
    expect(await autocheckpoint(db)).toBe(defaultAutocheckpointFrames);
  });

  it('is the bundle vitest global setup built', () => {
    expect(fs.existsSync(checkpointWorkerBundlePath())).toBe(true);
  });
});
