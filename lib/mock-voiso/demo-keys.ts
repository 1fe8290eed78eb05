// The seeded raw API keys of the mock and what each one grants (contact center, environment, role).
import type { Role } from './is-role-allowed';
import type { ContactCenterId, VoisoEnvironment } from './voiso-clusters';

export interface DemoKeys {
  acmeAdmin: string;
  acmeAnalyst: string;
  acmeReadOnly: string;
  acmeRotationOld: string;
  acmeRotationNew: string;
  globexAdmin: string;
  acmeStagingAdmin: string;
  /** One key per demo persona below, so one persona's rate limit never throttles another. */
  acmeDialer: string;
  acmeLegacy: string;
  acmeTranscripts: string;
  acmeCampaignBot: string;
  acmeImporter: string;
  acmeCdrExport: string;
  acmeCdrArchive: string;
  globexWallboard: string;
}

export interface KeyGrant {
  contactCenter: ContactCenterId;
  environment: VoisoEnvironment;
  role: Role;
}

// Fixed literals (not generated at start) so the traffic generator, tests and recorded
// spans agree on the same keys across runs.
export const demoKeys: Readonly<DemoKeys> = {
  acmeAdmin: 'NCI2NapckkKx42e4i803kJ9IAVKarYjGxcPQ9dak',
  acmeAnalyst: 'bUjZiwiuWprmJY3CcTwOtoKTDwXZiZe5m9bM1sb4',
  acmeReadOnly: 'htBB2Qw07S1sR9qySvLgr9uhAZ3S6kO53ftdS6Ut',
  acmeRotationOld: 'UzZHxCo1jIabQPqNFq2iXbno9CsQfpdnz7fn3N05',
  acmeRotationNew: 'mIXvQlSL69mT6VIpnCdJEYJNGS9Oj2mTNMgrTS0p',
  globexAdmin: 'vv3Q9qy0QCiOu2dQ9ChE9JomskwNB2LmLxVHyogi',
  acmeStagingAdmin: 'CORD3usJ0R9kVh3JnUHeOpP7WN5jKc3Txqv5ndsp',
  acmeDialer: 'tvABOnV2xOhPR38kV8HKEUBOckseBQVHGItTv9Ka',
  acmeLegacy: 'nC92K5bbNDoQnfIZ40edDRV9WoBs286aCAbiQ5oj',
  acmeTranscripts: 'VGjA90CKFec3c8DV1KwViGhWYFvAgWCkTgBdYOZV',
  acmeCampaignBot: 'dPuXxnReU5AlpVuKnFqnC085eA1aX6PrCjhObFVS',
  acmeImporter: 'eGzyajk8GOuQmKN9e6nGD8Uv6HxGDe1QZeqphpOC',
  acmeCdrExport: 'XbkR1ZHjBEAXHF3D4uYvqUgYP6mYKXpHdtrChh9w',
  acmeCdrArchive: 'PT5kiIW8s9Ycb39fGE4vr3EoTg0gnz0DjWUpA1A4',
  globexWallboard: 'JRhlGdb6QHh7nK0tdX5KTMFkPVf86DUk0Ni9HB2y',
};

export const demoKeyGrants: Readonly<Record<keyof DemoKeys, KeyGrant>> = {
  acmeAdmin: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeAnalyst: { contactCenter: 'acme', environment: 'production', role: 'analyst' },
  acmeReadOnly: { contactCenter: 'acme', environment: 'production', role: 'read_only' },
  acmeRotationOld: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeRotationNew: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  globexAdmin: { contactCenter: 'globex', environment: 'production', role: 'admin' },
  acmeStagingAdmin: { contactCenter: 'acme-staging', environment: 'staging', role: 'admin' },
  acmeDialer: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeLegacy: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeTranscripts: { contactCenter: 'acme', environment: 'production', role: 'read_only' },
  acmeCampaignBot: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeImporter: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeCdrExport: { contactCenter: 'acme', environment: 'production', role: 'analyst' },
  acmeCdrArchive: { contactCenter: 'acme', environment: 'production', role: 'analyst' },
  globexWallboard: { contactCenter: 'globex', environment: 'production', role: 'read_only' },
};
