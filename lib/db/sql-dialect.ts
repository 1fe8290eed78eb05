// The few SQL spellings that differ between SQLite and PostgreSQL. Everything else in
// lib/db is written once in the SQL both understand.
import { Prisma } from './generated/sqlite/client';
import type { Database } from './client';

/** SQL for the larger of two column expressions (never user input). */
export function greatestSql(db: Database, a: string, b: string): Prisma.Sql {
  return Prisma.raw(db.target.provider === 'sqlite' ? `MAX(${a}, ${b})` : `GREATEST(${a}, ${b})`);
}

/** SQL for the smaller of two column expressions (never user input). */
export function leastSql(db: Database, a: string, b: string): Prisma.Sql {
  return Prisma.raw(db.target.provider === 'sqlite' ? `MIN(${a}, ${b})` : `LEAST(${a}, ${b})`);
}

/** Rows per multi-row INSERT: below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

/** Aggregates come back as number, bigint, Decimal or string depending on the driver. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return Number(String(value));
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The hidden physical row id (SQLite's rowid, PostgreSQL's ctid): batch deletes on tables keyed by several columns. */
export function rowLocatorSql(db: Database): Prisma.Sql {
  return Prisma.raw(db.target.provider === 'sqlite' ? 'rowid' : 'ctid');
}
