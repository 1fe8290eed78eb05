// The WHERE clause every rollup query shares: a minute range plus optional dimensions.
import { Prisma } from '../generated/sqlite/client';

export interface RollupFilter {
  /** Inclusive epoch minute. */
  fromMinute: number;
  /** Exclusive epoch minute. */
  toMinute: number;
  service?: string;
  environment?: string;
  /** Endpoint id. */
  endpoint?: string;
  /** API key fingerprint. */
  key?: string;
}

export function rollupWhereSql(f: RollupFilter): Prisma.Sql {
  const parts = [Prisma.sql`minute >= ${f.fromMinute}`, Prisma.sql`minute < ${f.toMinute}`];
  if (f.service !== undefined) parts.push(Prisma.sql`service = ${f.service}`);
  if (f.environment !== undefined) parts.push(Prisma.sql`environment = ${f.environment}`);
  if (f.endpoint !== undefined) parts.push(Prisma.sql`endpoint_id = ${f.endpoint}`);
  if (f.key !== undefined) parts.push(Prisma.sql`api_key_fingerprint = ${f.key}`);
  return Prisma.join(parts, ' AND ');
}
