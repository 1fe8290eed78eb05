// Stored bearer tokens (hashes only): lookup for authentication, the bootstrap tokens
// generated on first start, and the rows /settings/tokens lists and revokes. No function
// here returns a token's hash: only its display prefix leaves this module.
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';

export interface StoredToken {
  id: number;
  kind: string;
  name: string;
  canWrite: boolean;
}

/** A token as the settings page shows it. */
export interface TokenRow extends StoredToken {
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface NewTokenRow {
  kind: string;
  name: string;
  tokenHash: string;
  prefix: string;
  canWrite?: boolean;
  createdAt?: Date;
}

const rowColumns = {
  id: true,
  kind: true,
  name: true,
  canWrite: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function findActiveTokenByHash(db: Database, tokenHash: string): Promise<StoredToken | null> {
  return db.prisma.token.findFirst({ where: { tokenHash, revokedAt: null }, select: { id: true, kind: true, name: true, canWrite: true } });
}

export async function touchTokenLastUsed(db: Database, id: number, at: Date): Promise<void> {
  await db.prisma.token.update({ where: { id }, data: { lastUsedAt: at } });
}

export async function hasToken(db: Database, name: string): Promise<boolean> {
  return (await db.prisma.token.count({ where: { name } })) > 0;
}

/** Stores a token; null when its name is taken (also when another replica stored it first). */
export async function insertToken(db: Database, token: NewTokenRow): Promise<TokenRow | null> {
  try {
    return await db.prisma.token.create({ data: token, select: rowColumns });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
    throw err;
  }
}

/** Stores a token under a unique name; false when another process stored one first. */
export async function createNamedToken(db: Database, token: NewTokenRow): Promise<boolean> {
  return (await insertToken(db, token)) !== null;
}

/** Every token, revoked ones included, newest first. */
export async function listTokenRows(db: Database): Promise<TokenRow[]> {
  return db.prisma.token.findMany({ select: rowColumns, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

export async function findTokenRow(db: Database, id: number): Promise<TokenRow | null> {
  return db.prisma.token.findUnique({ where: { id }, select: rowColumns });
}

/**
 * Marks the token revoked unless it already is (the first revocation time stays). The
 * authentication lookup filters on revokedAt, so the next request with it is refused.
 * Null when there is no such token.
 */
export async function revokeTokenRow(db: Database, id: number, at: Date): Promise<TokenRow | null> {
  await db.prisma.token.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
  return findTokenRow(db, id);
}
