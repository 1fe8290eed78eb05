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
};

export const demoKeyGrants: Readonly<Record<keyof DemoKeys, KeyGrant>> = {
  acmeAdmin: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeAnalyst: { contactCenter: 'acme', environment: 'production', role: 'analyst' },
  acmeReadOnly: { contactCenter: 'acme', environment: 'production', role: 'read_only' },
  acmeRotationOld: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  acmeRotationNew: { contactCenter: 'acme', environment: 'production', role: 'admin' },
  globexAdmin: { contactCenter: 'globex', environment: 'production', role: 'admin' },
  acmeStagingAdmin: { contactCenter: 'acme-staging', environment: 'staging', role: 'admin' },
};
