// Prisma CLI configuration. The JS engine with a driver adapter keeps the CLI from
// downloading native engines, which these machines cannot reach. The adapter must
// match the schema's provider, so scripts/generate-prisma.mjs selects the PostgreSQL
// one with PRISMA_PROVIDER=postgresql when it generates the derived schema.
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';

const postgres = process.env.PRISMA_PROVIDER === 'postgresql';
const url = process.env.DATABASE_URL ?? '';

export default {
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () =>
    postgres
      ? new PrismaPg({ connectionString: url.startsWith('postgres') ? url : 'postgresql://127.0.0.1:5432/postgres' })
      : new PrismaBetterSQLite3({ url: url.startsWith('file:') ? url : 'file:./data/faultline.db' }),
} satisfies PrismaConfig;
