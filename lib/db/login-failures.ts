// Failed sign-in records for rate limiting (lib/auth/sign-in.ts). Kept in the database, not in
// memory, so every replica counts the same attempts.
import type { Database } from './client';

/** Times (epoch ms, oldest first) of the failures of a scope after `afterMs`. */
export async function listLoginFailureTimes(db: Database, scopeHash: string, afterMs: number): Promise<number[]> {
  const rows = await db.prisma.loginFailure.findMany({
    where: { scopeHash, atMs: { gt: BigInt(afterMs) } },
    select: { atMs: true },
    orderBy: { atMs: 'asc' },
  });
  return rows.map((row) => Number(row.atMs));
}

export async function insertLoginFailures(db: Database, scopeHashes: string[], atMs: number): Promise<void> {
  await db.prisma.loginFailure.createMany({ data: scopeHashes.map((scopeHash) => ({ scopeHash, atMs: BigInt(atMs) })) });
}

export async function deleteLoginFailures(db: Database, scopeHash: string): Promise<void> {
  await db.prisma.loginFailure.deleteMany({ where: { scopeHash } });
}

/** Failures deleted. */
export async function pruneLoginFailures(db: Database, beforeMs: number): Promise<number> {
  const { count } = await db.prisma.loginFailure.deleteMany({ where: { atMs: { lt: BigInt(beforeMs) } } });
  return count;
}
