// Generates the two Prisma clients (SQLite and PostgreSQL) from prisma/schema.prisma.
// A Prisma schema names exactly one provider, so the PostgreSQL schema is derived from
// the SQLite one by swapping provider and output: one source of truth for the models.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'prisma', 'schema.prisma');

export function derivePostgresSchema(text) {
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/db/generated/sqlite"', 'output     = "./postgres"');
  if (!out.includes('"postgresql"') || !out.includes('"./postgres"')) {
    throw new Error('prisma/schema.prisma: could not derive the PostgreSQL schema (provider/output lines changed?)');
  }
  return out;
}

function main() {
  const generatedDir = path.join(root, 'lib', 'db', 'generated');
  fs.mkdirSync(generatedDir, { recursive: true });
  const pgSchema = path.join(generatedDir, 'postgres.prisma');
  fs.writeFileSync(pgSchema, derivePostgresSchema(fs.readFileSync(source, 'utf8')));
  // The CLI only validates DATABASE_URL's presence here; generation never connects.
  runPrisma(['generate', '--schema', source], 'sqlite');
  runPrisma(['generate', '--schema', pgSchema], 'postgresql');
}

/** Runs the Prisma CLI with the driver adapter that matches `provider` (see prisma.config.ts). */
export function runPrisma(args, provider, options = {}) {
  // The CLI only checks that DATABASE_URL is set for these commands; it never connects.
  const env = {
    ...process.env,
    DATABASE_URL: provider === 'postgresql' ? 'postgresql://127.0.0.1:5432/postgres' : `file:${path.join(os.tmpdir(), 'faultline-prisma-cli.db')}`,
    PRISMA_PROVIDER: provider,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  return execFileSync(process.execPath, [prisma, ...args], { cwd: root, env, stdio: ['ignore', options.capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
