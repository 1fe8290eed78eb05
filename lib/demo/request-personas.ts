// Personas whose key is fine but whose requests are not: a healthy client, a missing write
// permission, the old API version, an unsupported Accept, state conflicts, invalid bodies.
import { demoKeys } from '@/lib/mock-voiso/demo-keys';
import { definePersona, idAt } from './persona';

/** The healthy reference: reads users, agents and contacts, updates an agent, adds and removes a contact. */
export const crmSync = definePersona({
  service: 'crm-sync',
  mistake: 'none: the healthy baseline',
  everyMs: 2000,
  async round({ call, random }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeAdmin } as const;
    const users = await call({ cluster: 'acme', path: '/api/v4/users?per_page=10', auth });
    const userId = idAt(users, Math.floor(random() * 4));
    if (userId) await call({ cluster: 'acme', path: `/api/v4/users/${userId}`, auth });
    const status = random() < 0.5 ? 'available' : 'away';
    await call({ cluster: 'acme', method: 'PATCH', path: '/api/v4/agents/1', auth, body: { status } });
    const created = await call({
      cluster: 'acme',
      method: 'POST',
      path: '/api/v4/contacts',
      auth,
      body: { name: 'Sync Check', phone_number: '+447700900999', timezone: 'Europe/London' },
    });
    const contactId = (created.body as { data?: { id?: number } } | null)?.data?.id;
    if (contactId !== undefined) await call({ cluster: 'acme', method: 'DELETE', path: `/api/v4/contacts/${contactId}`, auth });
  },
});

/** An analyst key used by a job that also creates campaigns: reads work, the write is 403. */
export const campaignScheduler = definePersona({
  service: 'campaign-scheduler',
  mistake: 'its analyst key may read campaigns but not create them (403)',
  everyMs: 4000,
  async round({ call }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeAnalyst } as const;
    await call({ cluster: 'acme', path: '/api/v4/campaigns', auth });
    await call({
      cluster: 'acme',
      method: 'POST',
      path: '/api/v4/campaigns',
      auth,
      body: { name: 'Weekly follow-up', timezone: 'Europe/London', dialer_mode: 'progressive' },
    });
  },
});

/** Written against API v1, never migrated: every path is 404, including one that never existed. */
export const oldIntegration = definePersona({
  service: 'old-integration',
  mistake: 'still calls /api/v1, and /api/v4/call-logs, which does not exist (404)',
  everyMs: 4000,
  async round({ call, random }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeLegacy } as const;
    await call({ cluster: 'acme', path: '/api/v1/users', auth });
    await call({ cluster: 'acme', path: `/api/v1/contacts/${1 + Math.floor(random() * 5)}`, auth });
    await call({ cluster: 'acme', path: '/api/v4/call-logs?per_page=20', auth });
  },
});

/** A support tool that embeds transcripts in a web page and asks for HTML (406); VTT works. */
export const transcriptViewer = definePersona({
  service: 'transcript-viewer',
  mistake: 'asks for transcripts with Accept: text/html (406)',
  everyMs: 3000,
  async round({ call, random }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeTranscripts } as const;
    const calls = await call({ cluster: 'acme', path: '/api/v4/cdr?per_page=4', auth });
    const id = idAt(calls, Math.floor(random() * 4));
    if (!id) return;
    await call({ cluster: 'acme', path: `/api/v4/cdr/${id}/transcript`, auth, accept: 'text/html' });
    if (random() < 0.3) await call({ cluster: 'acme', path: `/api/v4/cdr/${id}/transcript`, auth, accept: 'text/vtt' });
  },
});

/** Starts a campaign that is already running and retries the 409 as if it were transient. */
export const campaignBot = definePersona({
  service: 'campaign-bot',
  mistake: 'retries "start" on a running campaign (409, with resends)',
  everyMs: 5000,
  async round({ call, sleep }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeCampaignBot } as const;
    await call({ cluster: 'acme', path: '/api/v4/campaigns/2', auth });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const reply = await call({ cluster: 'acme', method: 'POST', path: '/api/v4/campaigns/2/start', auth });
      if (reply.status < 400) break;
      await sleep(300);
    }
  },
});

/** Imports leads with node:http; its mapping drops `name` and sends `timezone` as a number. */
export const leadImporter = definePersona({
  service: 'lead-importer',
  mistake: 'sends contacts without name or with a numeric timezone (422), and stale ids (404)',
  transport: 'http',
  everyMs: 3000,
  async round({ call, random }) {
    const auth = { scheme: 'bearer', key: demoKeys.acmeImporter } as const;
    const phone = `+4477009${String(Math.floor(random() * 100_000)).padStart(5, '0')}`;
    await call({ cluster: 'acme', method: 'POST', path: '/api/v4/contacts', auth, body: { phone_number: phone } });
    await call({
      cluster: 'acme',
      method: 'POST',
      path: '/api/v4/contacts',
      auth,
      body: { name: 'Imported Lead', phone_number: phone, timezone: 1 },
    });
    await call({
      cluster: 'acme',
      method: 'POST',
      path: '/api/v4/contacts',
      auth,
      body: { name: 'Imported Lead', phone_number: phone, timezone: 'Europe/Paris' },
    });
    await call({ cluster: 'acme', path: `/api/v4/contacts/${90_000 + Math.floor(random() * 1000)}`, auth });
  },
});
