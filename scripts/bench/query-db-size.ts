// How big a benchmark's SQLite file is and where the bytes go: the file (plus -wal), split into
// raw calls (requests, request_error_keys and their indexes), rollups (every grain, the narrow
// coarse rollups and their indexes) and the rest, from SQLite's dbstat table; and how many rows
// each rollup grain holds.
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import { narrowTables } from '@/lib/rollup/narrow-rollups';

export interface DbSize {
  fileBytes: number;
  walBytes: number;
  rawBytes: number;
  rollupBytes: number;
  otherBytes: number;
  /** Bytes per table, its indexes included. */
  byTable: Record<string, number>;
}

export interface GrainRows {
  requests: number;
  requestErrorKeys: number;
  /** request_minutes, and request_rollups per grain. */
  requestRollups: Record<'1' | '10' | '60', number>;
  /** error_key_minutes, and error_key_rollups per grain. */
  errorKeyRollups: Record<'1' | '10' | '60', number>;
}

const rawTables = new Set(['requests', 'request_error_keys']);
const rollupTables = new Set([
  'request_minutes',
  'error_key_minutes',
  'request_rollups',
  'error_key_rollups',
  ...narrowTables.map((t) => t.name),
]);

function fileBytes(filePath: string): number {
  return fs.existsSync(filePath) ? fs.statSync(filePath).size : 0;
}

export function measureDbSize(filePath: string): DbSize {
  const db = new Sqlite(filePath, { readonly: true });
  try {
    const owner = new Map(
      (db.prepare(`SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')`).all() as { name: string; tbl_name: string }[]).map(
        (r) => [r.name, r.tbl_name],
      ),
    );
    const pages = db.prepare('SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE').all() as { name: string; pgsize: number }[];
    const byTable: Record<string, number> = {};
    for (const { name, pgsize } of pages) {
      const table = owner.get(name) ?? name;
      byTable[table] = (byTable[table] ?? 0) + pgsize;
    }
    let rawBytes = 0;
    let rollupBytes = 0;
    let otherBytes = 0;
    for (const [table, bytes] of Object.entries(byTable)) {
      if (rawTables.has(table)) rawBytes += bytes;
      else if (rollupTables.has(table)) rollupBytes += bytes;
      else otherBytes += bytes;
    }
    return { fileBytes: fileBytes(filePath), walBytes: fileBytes(`${filePath}-wal`), rawBytes, rollupBytes, otherBytes, byTable };
  } finally {
    db.close();
  }
}

export function countGrainRows(filePath: string): GrainRows {
  const db = new Sqlite(filePath, { readonly: true });
  try {
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
    const byGrain = (table: string) =>
      new Map((db.prepare(`SELECT grain, COUNT(*) AS n FROM ${table} GROUP BY grain`).all() as { grain: number; n: number }[]).map((r) => [r.grain, r.n]));
    const coarse = byGrain('request_rollups');
    const coarseKeys = byGrain('error_key_rollups');
    return {
      requests: count('SELECT COUNT(*) AS n FROM requests'),
      requestErrorKeys: count('SELECT COUNT(*) AS n FROM request_error_keys'),
      requestRollups: { '1': count('SELECT COUNT(*) AS n FROM request_minutes'), '10': coarse.get(10) ?? 0, '60': coarse.get(60) ?? 0 },
      errorKeyRollups: { '1': count('SELECT COUNT(*) AS n FROM error_key_minutes'), '10': coarseKeys.get(10) ?? 0, '60': coarseKeys.get(60) ?? 0 },
    };
  } finally {
    db.close();
  }
}
