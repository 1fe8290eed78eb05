import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';
import { applyMigrations, loadMigrations, migrationsDir } from './apply-migrations';
import { resolveDatabaseTarget } from './database-target';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('applyMigrations', () => {
  it('records every committed migration once, so a second start applies nothing', async () => {
    const target = t.db.target;
    expect(await applyMigrations(target)).toEqual([]);
    const rows = await t.db.prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(loadMigrations(migrationsDir(target.provider)).map((m) => m.name));
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-migrations-'));
    const source = migrationsDir(t.db.target.provider);
    const copy = migrationsDir(t.db.target.provider, root);
    fs.cpSync(source, copy, { recursive: true });
    const first = loadMigrations(copy)[0]!;
    fs.appendFileSync(path.join(copy, first.name, 'migration.sql'), '\n-- edited\n');
    await expect(applyMigrations(t.db.target, root)).rejects.toThrow(/changed after it was applied/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps the SQLite and PostgreSQL migrations in step', () => {
    const names = (p: 'sqlite' | 'postgresql') => loadMigrations(migrationsDir(p)).map((m) => m.name);
    expect(names('postgresql')).toEqual(names('sqlite'));
  });
});

describe('resolveDatabaseTarget', () => {
  it('defaults to ./data/faultline.db and understands file: and postgres URLs', () => {
    expect(resolveDatabaseTarget(undefined, '/srv/app')).toMatchObject({ provider: 'sqlite', filePath: '/srv/app/data/faultline.db' });
    expect(resolveDatabaseTarget('file:./x/y.db', '/srv/app')).toMatchObject({ provider: 'sqlite', filePath: '/srv/app/x/y.db' });
    expect(resolveDatabaseTarget('file:/abs/z.db', '/srv/app')).toMatchObject({ provider: 'sqlite', filePath: '/abs/z.db' });
    expect(resolveDatabaseTarget('postgresql://u@h:5432/d')).toEqual({ provider: 'postgresql', url: 'postgresql://u@h:5432/d' });
  });
});
