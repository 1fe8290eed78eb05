// The services and environments that sent calls in a time range, for the filter pickers.
import type { Database } from '../client';
import { requestRollupSource } from './rollup-source';

export interface FilterOptions {
  services: string[];
  environments: string[];
}

export async function listFilterOptions(db: Database, fromMinute: number, toMinute: number): Promise<FilterOptions> {
  const source = requestRollupSource({ fromMinute, toMinute }, undefined, { services: true });
  const [services, environments] = await Promise.all([
    db.prisma.$queryRaw<{ v: string }[]>`SELECT DISTINCT service AS v FROM ${source} rm ORDER BY 1 LIMIT 500`,
    db.prisma.$queryRaw<{ v: string }[]>`SELECT DISTINCT environment AS v FROM ${source} rm ORDER BY 1 LIMIT 100`,
  ]);
  return { services: services.map((r) => r.v), environments: environments.map((r) => r.v) };
}
