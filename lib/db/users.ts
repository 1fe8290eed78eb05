// Users and their sessions: the only Prisma access for sign-in and user management.
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';

export type Role = 'admin' | 'viewer';

export interface StoredUser {
  id: number;
  email: string;
  role: Role;
  createdAt: Date;
  lastLoginAt: Date | null;
}

const userColumns = { id: true, email: true, role: true, createdAt: true, lastLoginAt: true } as const;

function asUser(row: { id: number; email: string; role: string; createdAt: Date; lastLoginAt: Date | null }): StoredUser {
  return { ...row, role: row.role === 'admin' ? 'admin' : 'viewer' };
}

export async function countUsers(db: Database): Promise<number> {
  return db.prisma.user.count();
}

export async function countAdmins(db: Database): Promise<number> {
  return db.prisma.user.count({ where: { role: 'admin' } });
}

export async function listUsers(db: Database): Promise<StoredUser[]> {
  const rows = await db.prisma.user.findMany({ select: userColumns, orderBy: { email: 'asc' } });
  return rows.map(asUser);
}

export async function findUserById(db: Database, id: number): Promise<StoredUser | null> {
  const row = await db.prisma.user.findUnique({ where: { id }, select: userColumns });
  return row ? asUser(row) : null;
}

/** The user and password hash for a sign-in; email must already be lower-cased. */
export async function findUserCredentials(db: Database, email: string): Promise<(StoredUser & { passwordHash: string }) | null> {
  const row = await db.prisma.user.findUnique({ where: { email }, select: { ...userColumns, passwordHash: true } });
  return row ? { ...asUser(row), passwordHash: row.passwordHash } : null;
}

/** Creates a user; null when the email is taken (also when another replica created it first). */
export async function insertUser(db: Database, user: { email: string; passwordHash: string; role: Role }): Promise<StoredUser | null> {
  try {
    return asUser(await db.prisma.user.create({ data: user, select: userColumns }));
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
    throw err;
  }
}

/** A new password also signs the user out everywhere. */
export async function updateUserPassword(db: Database, id: number, passwordHash: string): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.user.update({ where: { id }, data: { passwordHash } }),
    db.prisma.session.deleteMany({ where: { userId: id } }),
  ]);
}

/** The stored password hash of a signed-in user, to check their current password. */
export async function findPasswordHash(db: Database, id: number): Promise<string | null> {
  const row = await db.prisma.user.findUnique({ where: { id }, select: { passwordHash: true } });
  return row?.passwordHash ?? null;
}

/** A new password chosen by the user themselves: their other sessions end, this one stays. */
export async function updateOwnPassword(db: Database, id: number, passwordHash: string, keepSessionId: string): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.user.update({ where: { id }, data: { passwordHash } }),
    db.prisma.session.deleteMany({ where: { userId: id, id: { not: keepSessionId } } }),
  ]);
}

export type AdminGuardedChange = { kind: 'role'; role: Role } | { kind: 'delete' };
export type AdminGuardedOutcome = 'done' | 'not_found' | 'last_admin';

/**
 * Changes a user's role or deletes them, unless that would leave no admin. The count and the
 * change share one transaction; on PostgreSQL the admin rows are locked first, because two
 * admins demoting each other at the same moment would otherwise each still see the other as an
 * admin (SQLite runs one writing transaction at a time).
 */
export async function changeUserKeepingAnAdmin(db: Database, id: number, change: AdminGuardedChange): Promise<AdminGuardedOutcome> {
  return db.prisma.$transaction(async (tx) => {
    if (db.target.provider === 'postgresql') await tx.$queryRaw`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id }, select: { role: true } });
    if (!target) return 'not_found';
    const losesAdmin = target.role === 'admin' && (change.kind === 'delete' || change.role !== 'admin');
    if (losesAdmin && (await tx.user.count({ where: { role: 'admin' } })) <= 1) return 'last_admin';
    if (change.kind === 'delete') await tx.user.delete({ where: { id } });
    else await tx.user.update({ where: { id }, data: { role: change.role } });
    return 'done';
  });
}

export async function recordLogin(db: Database, id: number, at: Date): Promise<void> {
  await db.prisma.user.update({ where: { id }, data: { lastLoginAt: at } });
}

export interface StoredSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: StoredUser;
}

export async function insertSession(db: Database, session: { id: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.prisma.session.create({ data: { ...session, lastSeenAt: session.createdAt } });
}

export async function findSession(db: Database, id: string): Promise<StoredSession | null> {
  const row = await db.prisma.session.findUnique({
    where: { id },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, user: { select: userColumns } },
  });
  return row ? { ...row, user: asUser(row.user) } : null;
}

export async function extendSession(db: Database, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.prisma.session.updateMany({ where: { id }, data: { lastSeenAt, expiresAt } });
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.prisma.session.deleteMany({ where: { id } });
}

export async function deleteExpiredSessions(db: Database, now: Date): Promise<number> {
  const { count } = await db.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
