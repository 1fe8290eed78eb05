// The alert runner's single-evaluator lease on a real database: processes racing for it (each
// with its own connection pool, as replicas have), expiry and takeover, the in-transaction
// fence, release.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/db/client';
import { resolveDatabaseTarget } from '@/lib/db/database-target';
import { createTestDatabaseForFile, testProvider } from '@/lib/testing/test-database';
import { acquireLease } from './acquire-lease';
import { getLease } from './get-lease';
import { releaseLease } from './release-lease';
import { renewLease } from './renew-lease';

const t = createTestDatabaseForFile();
// A second "replica": another client and pool on the same database.
let other: Database;
beforeAll(() => {
  other = createDatabase(resolveDatabaseTarget(t.url));
});
afterAll(async () => {
  await other?.prisma.$disconnect();
});

const leaseName = () => `lease-${randomBytes(5).toString('hex')}`;
const holderName = (n: number) => `replica-${n}-${randomBytes(4).toString('hex')}`;
const ttlMs = 90_000;
const t0 = 1_800_000_000_000;

describe('acquireLease', () => {
  it('lets exactly one of many racing processes win a free lease, on two connection pools', async () => {
    for (let round = 0; round < 5; round++) {
      const name = leaseName();
      const holders = Array.from({ length: 8 }, (_, i) => holderName(i));
      const results = await Promise.all(
        holders.map((holder, i) => acquireLease(i % 2 === 0 ? t.db : other, { name, holder, nowMs: t0, ttlMs })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = holders[results.indexOf(true)];
      expect(await getLease(t.db, name)).toEqual({ holder: winner, expiresMs: t0 + ttlMs });
    }
  });

  it('lets exactly one racer take over an expired lease', async () => {
    const name = leaseName();
    expect(await acquireLease(t.db, { name, holder: holderName(0), nowMs: t0, ttlMs })).toBe(true);
    const later = t0 + ttlMs + 1;
    const holders = Array.from({ length: 6 }, (_, i) => holderName(i + 1));
    const results = await Promise.all(
      holders.map((holder, i) => acquireLease(i % 2 === 0 ? t.db : other, { name, holder, nowMs: later, ttlMs })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await getLease(t.db, name))?.holder).toBe(holders[results.indexOf(true)]);
  });

  it('keeps the lease with its holder until it expires, renews it for the holder, then hands it over', async () => {
    const name = leaseName();
    const a = holderName(1);
    const b = holderName(2);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0, ttlMs })).toBe(true);
    expect(await acquireLease(other, { name, holder: b, nowMs: t0 + 1_000, ttlMs })).toBe(false);
    // The holder renews each tick: the lease now runs from its last renewal.
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0 + 30_000, ttlMs })).toBe(true);
    expect(await acquireLease(other, { name, holder: b, nowMs: t0 + ttlMs + 1, ttlMs })).toBe(false);
    expect(await getLease(t.db, name)).toEqual({ holder: a, expiresMs: t0 + 30_000 + ttlMs });
    // The holder stops renewing (it died): once expired, the other takes over, and the old one cannot come back.
    expect(await acquireLease(other, { name, holder: b, nowMs: t0 + 30_000 + ttlMs + 1, ttlMs })).toBe(true);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0 + 30_000 + ttlMs + 2, ttlMs })).toBe(false);
    expect((await getLease(t.db, name))?.holder).toBe(b);
  });

  it('does not hand over a lease at the exact instant it expires', async () => {
    const name = leaseName();
    expect(await acquireLease(t.db, { name, holder: holderName(1), nowMs: t0, ttlMs })).toBe(true);
    expect(await acquireLease(other, { name, holder: holderName(2), nowMs: t0 + ttlMs, ttlMs })).toBe(false);
  });
});

describe('renewLease', () => {
  it('renews only for the holder, inside a transaction', async () => {
    const name = leaseName();
    const a = holderName(1);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0, ttlMs })).toBe(true);
    expect(await t.db.prisma.$transaction((tx) => renewLease(tx, { name, holder: a, nowMs: t0 + 10_000, ttlMs }))).toBe(true);
    expect((await getLease(t.db, name))?.expiresMs).toBe(t0 + 10_000 + ttlMs);
    expect(await t.db.prisma.$transaction((tx) => renewLease(tx, { name, holder: holderName(2), nowMs: t0 + 10_000, ttlMs }))).toBe(
      false,
    );
  });

  it('fails once another process took the lease over, so the old holder writes nothing', async () => {
    const name = leaseName();
    const a = holderName(1);
    const b = holderName(2);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0, ttlMs })).toBe(true);
    expect(await acquireLease(other, { name, holder: b, nowMs: t0 + ttlMs + 1, ttlMs })).toBe(true);
    expect(await t.db.prisma.$transaction((tx) => renewLease(tx, { name, holder: a, nowMs: t0 + ttlMs + 2, ttlMs }))).toBe(false);
  });

  // SQLite has one writer per database file, so there the renewing transaction excludes every other
  // writer by construction; and better-sqlite3 is synchronous, so a contender in this same process
  // would block the event loop the transaction needs to commit. The row lock is PostgreSQL's case.
  it.skipIf(testProvider() === 'sqlite')('makes a takeover wait for the transaction that renewed it, then refuses it', async () => {
    const name = leaseName();
    const a = holderName(1);
    const b = holderName(2);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0, ttlMs })).toBe(true);
    const expired = t0 + ttlMs + 1;
    let takeover: Promise<boolean> | undefined;
    await t.db.prisma.$transaction(
      async (tx) => {
        expect(await renewLease(tx, { name, holder: a, nowMs: expired, ttlMs })).toBe(true);
        // Another replica sees an expired lease in the committed data and tries to take it while we still write.
        takeover = acquireLease(other, { name, holder: b, nowMs: expired, ttlMs });
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
      { timeout: 30_000 },
    );
    expect(await takeover).toBe(false);
    expect(await getLease(t.db, name)).toEqual({ holder: a, expiresMs: expired + ttlMs });
  });
});

describe('releaseLease', () => {
  it('frees the lease for the next process only when released by its holder', async () => {
    const name = leaseName();
    const a = holderName(1);
    const b = holderName(2);
    expect(await acquireLease(t.db, { name, holder: a, nowMs: t0, ttlMs })).toBe(true);
    expect(await releaseLease(other, name, b)).toBe(false);
    expect(await releaseLease(t.db, name, a)).toBe(true);
    expect(await acquireLease(other, { name, holder: b, nowMs: t0 + 1, ttlMs })).toBe(true);
  });
});
