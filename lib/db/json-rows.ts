// Hands many rows to one SQL statement as a single JSON parameter that the database expands
// (json_each on SQLite, jsonb_array_elements on PostgreSQL). Why: the ingest write path bound
// ~40,000 values per 512-span export, and Prisma's raw-query pipeline costs microseconds per
// bound value (mapping, the query plan, the driver's re-prepare of a huge statement) — more than
// the database's own work. One string parameter costs the same for 1 row or 5,000.
import type { Database } from './client';
import { Prisma } from './generated/sqlite/client';

/** How a column's JSON value becomes SQL: text as is, integers and reals cast on PostgreSQL. */
export type JsonColumnType = 'text' | 'integer' | 'real';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const postgresCasts: Record<JsonColumnType, string> = { text: '', integer: '::bigint', real: '::double precision' };

/**
 * JSON text of the rows. Strings that are not well-formed UTF-16 (a lone surrogate) are repaired
 * as the drivers' UTF-8 encoding repairs them (U+FFFD), since PostgreSQL's jsonb refuses them.
 */
export function rowsJson(rows: readonly (readonly unknown[])[]): string {
  const json = JSON.stringify(rows);
  // JSON.stringify escapes lone surrogates as \udXXX; well-formed text never produces that.
  if (!/\\ud[89a-f]/i.test(json)) return json;
  return JSON.stringify(rows, (_, v) => (typeof v === 'string' ? v.replace(loneSurrogate, '\uFFFD') : v));
}

/**
 * `SELECT <column 0>, <column 1>, … FROM <the rows>`, one output column per entry of `types`, in
 * array order, for `INSERT INTO t (…) <this> ON CONFLICT …`. Ends in WHERE so SQLite parses a
 * following ON CONFLICT as the upsert clause.
 */
export function jsonRowsSelect(db: Database, types: readonly JsonColumnType[], rows: readonly (readonly unknown[])[]): Prisma.Sql {
  const json = rowsJson(rows);
  if (db.target.provider === 'sqlite') {
    const columns = types.map((_, i) => `value ->> ${i}`).join(', ');
    return Prisma.sql`SELECT ${Prisma.raw(columns)} FROM json_each(${json}) WHERE true`;
  }
  const columns = types.map((type, i) => `(value ->> ${i})${postgresCasts[type]}`).join(', ');
  return Prisma.sql`SELECT ${Prisma.raw(columns)} FROM jsonb_array_elements(${json}::jsonb) WHERE true`;
}
