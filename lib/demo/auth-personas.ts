// Personas whose calls fail on who they are: no key, the wrong scheme, another contact
// center's key, a key rotated away, a staging key sent to production.
import { demoKeys } from '@/lib/mock-voiso/demo-keys';
import { definePersona, idAt } from './persona';

/** A nightly report job deployed without its API key: every call is 401. */
export const reportExporter = definePersona({
  service: 'report-exporter',
  mistake: 'sends no Authorization header (401)',
  everyMs: 4000,
  async round({ call }) {
    await call({ cluster: 'acme', path: '/api/v4/cdr?per_page=50', auth: { scheme: 'none' } });
    await call({ cluster: 'acme', path: '/api/v4/users', auth: { scheme: 'none' } });
  },
});

/** Copied a snippet from another API: `Authorization: Token <key>` instead of Bearer. */
export const legacyDialer = definePersona({
  service: 'legacy-dialer',
  mistake: 'sends "Token <key>" instead of "Bearer <key>" (401)',
  everyMs: 3000,
  async round({ call }) {
    const auth = { scheme: 'token', key: demoKeys.acmeDialer } as const;
    await call({ cluster: 'acme', path: '/api/v4/agents', auth });
    await call({ cluster: 'acme', method: 'PATCH', path: '/api/v4/agents/2', auth, body: { status: 'available' } });
  },
});

/** A partner integration configured with Globex's key but Acme's cluster URL. */
export const partnerBridge = definePersona({
  service: 'partner-bridge',
  mistake: "uses Globex's key on Acme's cluster (403); the same key works on Globex",
  clusters: ['acme', 'globex'],
  everyMs: 3000,
  async round({ call, random }) {
    const auth = { scheme: 'bearer', key: demoKeys.globexAdmin } as const;
    await call({ cluster: 'acme', path: '/api/v4/contacts', auth });
    await call({ cluster: 'acme', path: `/api/v4/contacts/${1 + Math.floor(random() * 5)}`, auth });
    await call({ cluster: 'globex', path: '/api/v4/users', auth });
  },
});

/** Still deployed with the key that was rotated: fine until the rotation, then 401. */
export const billingWorker = definePersona({
  service: 'billing-worker',
  mistake: 'keeps the old key after a key rotation (401 from the rotation on)',
  everyMs: 3000,
  async round({ call }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeRotationOld } as const;
    const calls = await call({ cluster: 'acme', path: '/api/v4/cdr?per_page=20', auth });
    const id = idAt(calls, 0);
    if (id) await call({ cluster: 'acme', path: `/api/v4/cdr/${id}`, auth });
    await call({ cluster: 'acme', path: '/api/v4/users', auth });
  },
});

/** Smoke tests in staging, one of which points at the production URL with the staging key. */
export const qaSmoke = definePersona({
  service: 'qa-smoke',
  mistake: 'sends the staging key to the production cluster (401); staging works',
  environment: 'staging',
  clusters: ['acme', 'acme-staging'],
  everyMs: 5000,
  async round({ call }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeStagingAdmin } as const;
    await call({ cluster: 'acme-staging', path: '/api/v4/users', auth });
    await call({ cluster: 'acme-staging', path: '/api/v4/campaigns', auth });
    await call({ cluster: 'acme', path: '/api/v4/users', auth });
  },
});
