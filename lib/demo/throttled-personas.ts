// Personas that meet the provider's limits: one retries 429s immediately (and stays
// throttled), one waits as Retry-After says (and gets through), one polls through an outage.
import { demoKeys } from '@/lib/mock-voiso/demo-keys';
import { definePersona, type PersonaContext } from './persona';
import type { VoisoReply } from './voiso-client';

// More pages than the mock's bucket holds (20), fetched at once, as export jobs tend to.
const pagesPerExport = 26;

/** Fetches every CDR page in parallel; after a 429, `beforeRetry` decides how long to wait. */
async function exportAllPages(
  { call }: PersonaContext,
  key: string,
  attempts: number,
  beforeRetry: (throttled: VoisoReply) => Promise<void>,
): Promise<void> {
  const auth = { scheme: 'bearer', key } as const;
  const fetchPage = async (page: number): Promise<void> => {
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const reply = await call({ cluster: 'acme', path: `/api/v4/cdr?page=${page}&per_page=1`, auth });
      if (reply.status !== 429 || attempt === attempts) return;
      await beforeRetry(reply);
    }
  };
  await Promise.all(Array.from({ length: pagesPerExport }, (_, i) => fetchPage(i + 1)));
}

/** Exports every CDR page in parallel and retries each 429 at once, up to 3 times. */
export const cdrExport = definePersona({
  service: 'cdr-export',
  mistake: 'retries 429 immediately, without backoff (429, with resends)',
  everyMs: 5000,
  round: (context) => exportAllPages(context, demoKeys.acmeCdrExport, 4, async () => {}),
});

/** The same export done right: on 429 it waits Retry-After seconds, then carries on. */
export const cdrArchiver = definePersona({
  service: 'cdr-archiver',
  mistake: 'none: honours Retry-After, so its 429s resolve',
  everyMs: 6000,
  round: (context) =>
    exportAllPages(context, demoKeys.acmeCdrArchive, 5, (throttled) =>
      context.sleep((throttled.retryAfterSeconds ?? 1) * 1000),
    ),
});

// A quarter of the wallboard's polls meet the provider's outage (played with the mock's
// X-Mock-Fail header); it retries each once after the Retry-After the 503 carries.
const outageShare = 0.25;

/** A wallboard polling Globex's agents through a provider outage: 503s, each retried once. */
export const agentWallboard = definePersona({
  service: 'agent-wallboard',
  mistake: "none of its own: Globex's cluster is failing intermittently (503)",
  clusters: ['globex'],
  everyMs: 2000,
  async round({ call, random, sleep }) {
    const auth = { scheme: 'bearer', key: demoKeys.globexWallboard } as const;
    const headers = random() < outageShare ? { 'x-mock-fail': '503' } : undefined;
    const reply = await call({ cluster: 'globex', path: '/api/v4/agents', auth, headers });
    if (reply.status >= 500) {
      await sleep((reply.retryAfterSeconds ?? 1) * 1000);
      await call({ cluster: 'globex', path: '/api/v4/agents', auth });
    }
  },
});
