// The mock's whole mutable world: key registries, revocations, rate-limit buckets and contact-center data.
import { type DemoKeys, demoKeyGrants, demoKeys, type KeyGrant } from './demo-keys';
import { KeyRateLimiter } from './key-rate-limiter';
import { seedContactCenter } from './seed-contact-center';
import type { TokenBucketConfig } from './token-bucket';
import type { ContactCenterId, VoisoEnvironment } from './voiso-clusters';
import type { ContactCenterState } from './voiso-records';

export interface VoisoDirectory {
  /** Raw key → grant, one registry per environment: a key is simply unknown outside its own. */
  keysByEnvironment: Readonly<Record<VoisoEnvironment, ReadonlyMap<string, KeyGrant>>>;
  revokedKeys: Set<string>;
  rateLimiter: KeyRateLimiter;
  contactCenters: Readonly<Record<ContactCenterId, ContactCenterState>>;
  /** 0..1: share of authenticated requests answered with a random 5xx. */
  serverErrorRate: number;
}

export interface VoisoDirectoryConfig {
  rateLimit: TokenBucketConfig;
  serverErrorRate: number;
}

function registryFor(environment: VoisoEnvironment): Map<string, KeyGrant> {
  const registry = new Map<string, KeyGrant>();
  for (const name of Object.keys(demoKeys) as (keyof DemoKeys)[]) {
    const grant = demoKeyGrants[name];
    if (grant.environment === environment) registry.set(demoKeys[name], grant);
  }
  return registry;
}

export function createVoisoDirectory(config: VoisoDirectoryConfig): VoisoDirectory {
  return {
    keysByEnvironment: { production: registryFor('production'), staging: registryFor('staging') },
    revokedKeys: new Set(),
    rateLimiter: new KeyRateLimiter(config.rateLimit),
    contactCenters: {
      acme: seedContactCenter('acme'),
      globex: seedContactCenter('globex'),
      'acme-staging': seedContactCenter('acme-staging'),
    },
    serverErrorRate: config.serverErrorRate,
  };
}
