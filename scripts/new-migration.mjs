// Writes a new migration for both databases from the change to prisma/schema.prisma.
// Usage: npm run migration:new -- <name>
// `prisma migrate dev` cannot run here (it needs a native engine), so this diffs the
// schema snapshot kept with the newest migration against the current schema, once per
// provider, and stores the snapshot for the next diff.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { derivePostgresSchema, runPrisma } from './generate-prisma.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs = { sqlite: path.join(root, 'prisma', 'migrations'), postgresql: path.join(root, 'prisma', 'migrations-postgres') };

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <name in snake_case>');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-migration-'));
const current = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
const previous = latestSnapshot(dirs.sqlite);
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const folder = `${stamp}_${name}`;

for (const provider of ['sqlite', 'postgresql']) {
  const toFile = path.join(tmp, `${provider}-to.prisma`);
  fs.writeFileSync(toFile, provider === 'postgresql' ? derivePostgresSchema(current) : current);
  const from = ['--from-empty'];
  if (previous !== null) {
    const fromFile = path.join(tmp, `${provider}-from.prisma`);
    fs.writeFileSync(fromFile, provider === 'postgresql' ? derivePostgresSchema(previous) : previous);
    from.splice(0, 1, '--from-schema-datamodel', fromFile);
  }
  // Always through the SQLite adapter: the diff is computed from the two datamodels alone,
  // and with the PostgreSQL adapter this CLI version tries to download a query engine.
  const sql = runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', toFile, '--script'], 'sqlite', { capture: true });
  if (/This is an empty migration/.test(sql)) {
    console.log(`${provider}: no schema change, nothing written`);
    process.exit(0);
  }
  const out = path.join(dirs[provider], folder);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'migration.sql'), sql);
  console.log(`wrote ${path.relative(root, path.join(out, 'migration.sql'))}`);
}
fs.writeFileSync(path.join(dirs.sqlite, folder, 'schema.snapshot.prisma'), current);
fs.writeFileSync(path.join(dirs.sqlite, 'migration_lock.toml'), 'provider = "sqlite"\n');
fs.writeFileSync(path.join(dirs.postgresql, 'migration_lock.toml'), 'provider = "postgresql"\n');

function latestSnapshot(dir) {
  if (!fs.existsSync(dir)) return null;
  const folders = fs.readdirSync(dir).filter((f) => fs.existsSync(path.join(dir, f, 'schema.snapshot.prisma'))).sort();
  const last = folders.at(-1);
  return last ? fs.readFileSync(path.join(dir, last, 'schema.snapshot.prisma'), 'utf8') : null;
}
