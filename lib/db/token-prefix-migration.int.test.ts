// The migration that shortens stored token prefixes, run again over rows written the old way.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testProvider } from '@/lib/testing/test-database';
import { createNamedToken } from './tokens';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

it('cuts old prefixes to the kind marker and 4 characters, and leaves short ones alone', async () => {
  const rows = [
    ['old-ingest', 'ingest', 'fl_ingest_n8OPqsRTLgcZj0IgOquOadNKFYYYe_wk…', 'fl_ingest_n8OP…'],
    ['old-api', 'api', 'fl_api_Zz9y_more_secret…', 'fl_api_Zz9y…'],
    ['new-ingest', 'ingest', 'fl_ingest_Ab3x…', 'fl_ingest_Ab3x…'],
  ] as const;
  for (const [name, kind, prefix] of rows) {
    await createNamedToken(t.db, { kind, name, tokenHash: `hash-${name}`, prefix });
  }
  const folder = testProvider() === 'postgresql' ? 'migrations-postgres' : 'migrations';
  const sql = fs.readFileSync(path.join(process.cwd(), 'prisma', folder, '20261125151500_token_prefix_marker_only', 'migration.sql'), 'utf8');
  for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
    await t.db.prisma.$executeRawUnsafe(statement);
  }
  const stored = await t.db.prisma.token.findMany({ where: { name: { in: rows.map(([name]) => name) } } });
  for (const [name, , , expected] of rows) expect(stored.find((s) => s.name === name)?.prefix).toBe(expected);
});
