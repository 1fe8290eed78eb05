// Stored bearer tokens (hashes only): lookup for authentication and the bootstrap tokens
// generated on first start.
import { Prisma } from './generated/sqlite/client';
import type { Database } from './client';

export interface StoredToken {
  id: number;
  kind: string;
}

export async function findActiveTokenByHash(db: Database, tokenHash: string): Promise<StoredToken | null> {
  return db.prisma.token.findFirst({ where: { tokenHash, revokedAt: null }, select: { id: true, kind: true } });
}

export async function touchTokenLastUsed(db: Database, id: number, at: Date): Promise<void> {
  await db.prisma.token.update({ where: { id }, data: { lastUsedAt: at } });
}

export async function hasToken(db: Database, name: string): Promise<boolean> {
  return (await db.prisma.token.count({ where: { name } })) > 0;
}

/** Stores a token under a unique name; false when another process stored one first. */
export async function createNamedToken(
  db: Database,
  token: { kind: string; name: string; tokenHash: string; prefix: string },
): Promise<boolean> {
  try {
    await db.prisma.token.create({ data: token });
    return true;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return false;
    throw err;
  }
}
