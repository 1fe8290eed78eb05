// A database of a spec's own, on the e2e run's engine: a SQLite file in the spec's output
// folder, or a new PostgreSQL database next to FAULTLINE_E2E_DATABASE_URL in the PostgreSQL
// run. Read back directly (SQLite opened read-only), to count what was really committed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../../scripts/ensure-postgres.mjs';

const e2eDatabaseUrl = process.env.FAULTLINE_E2E_DATABASE_URL ?? '';
export const onPostgres = /^postgres(ql)?:\/\//.test(e2eDatabaseUrl);

export interface StoredTotals {
  /** Rows in `requests`, by trace id. */
  spansByTrace: Map<string, number>;
  requests: number;
  /** SUM(count) of the minute rollup and of each coarser grain: each must equal `requests` (the coarser ones once `markedBuckets` is 0). */
  minuteRollup: number;
  coarseRollups: Record<string, number>;
  /** Spans the write path recognised as already stored (retries of committed batches). */
  duplicates: number;
  /** 10-minute buckets the server's fold job has yet to rebuild the coarse grains of. */
  markedBuckets: number;
}

export interface SpecDatabase {
  url: string;
  engine: 'sqlite' | 'postgresql';
  totals(): Promise<StoredTotals>;
  drop(): Promise<void>;
}

const queries = {
  spans: 'SELECT trace_id AS trace, COUNT(*) AS n FROM requests GROUP BY trace_id',
  minute: 'SELECT COALESCE(SUM(count), 0) AS n FROM request_minutes',
  coarse: 'SELECT grain, COALESCE(SUM(count), 0) AS n FROM request_rollups GROUP BY grain',
  duplicates: 'SELECT COALESCE(SUM(duplicates), 0) AS n FROM ingest_minutes',
  marked: 'SELECT COUNT(*) AS n FROM rollup_dirty_buckets',
};

function toTotals(
  spans: { trace: string; n: unknown }[],
  minute: unknown,
  coarse: { grain: unknown; n: unknown }[],
  duplicates: unknown,
  marked: unknown,
): StoredTotals {
  const spansByTrace = new Map(spans.map((r) => [r.trace, Number(r.n)]));
  return {
    spansByTrace,
    requests: [...spansByTrace.values()].reduce((a, b) => a + b, 0),
    minuteRollup: Number(minute),
    coarseRollups: Object.fromEntries(coarse.map((r) => [String(r.grain), Number(r.n)])),
    duplicates: Number(duplicates),
    markedBuckets: Number(marked),
  };
}

export async function specDatabase(name: string, outputDir: string): Promise<SpecDatabase> {
  if (onPostgres) {
    const admin = new URL(e2eDatabaseUrl);
    admin.pathname = '/postgres';
    const url = await createDatabase(admin.toString(), `faultline_${name}`);
    return {
      url,
      engine: 'postgresql',
      async totals() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const one = async (sql: string) => (await client.query<{ n: unknown }>(sql)).rows[0]?.n;
          return toTotals(
            (await client.query<{ trace: string; n: unknown }>(queries.spans)).rows,
            await one(queries.minute),
            (await client.query<{ grain: unknown; n: unknown }>(queries.coarse)).rows,
            await one(queries.duplicates),
            await one(queries.marked),
          );
        } finally {
          await client.end();
        }
      },
      drop: () => dropDatabase(admin.toString(), url),
    };
  }
  const dir = path.join(outputDir, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'faultline.db');
  return {
    url: `file:${file}`,
    engine: 'sqlite',
    async totals() {
      // Read-only, next to a server that may still run: WAL readers see every committed transaction.
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const one = (sql: string) => (db.prepare(sql).get() as { n: unknown }).n;
        return toTotals(
          db.prepare(queries.spans).all() as { trace: string; n: unknown }[],
          one(queries.minute),
          db.prepare(queries.coarse).all() as { grain: unknown; n: unknown }[],
          one(queries.duplicates),
          one(queries.marked),
        );
      } finally {
        db.close();
      }
    },
    async drop() {},
  };
}
