// What every rollup query filters on: a minute range (planned by rollup-source.ts) plus
// optional dimensions.
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

/** ` AND service = … AND …` for the filter's dimensions (empty when there are none). */
export function dimensionWhereSql(f: RollupFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.service !== undefined) parts.push(Prisma.sql` AND service = ${f.service}`);
  if (f.environment !== undefined) parts.push(Prisma.sql` AND environment = ${f.environment}`);
  if (f.endpoint !== undefined) parts.push(Prisma.sql` AND endpoint_id = ${f.endpoint}`);
  if (f.key !== undefined) parts.push(Prisma.sql` AND api_key_fingerprint = ${f.key}`);
  return parts.length ? Prisma.join(parts, '') : Prisma.empty;
}
