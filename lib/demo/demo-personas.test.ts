// Each persona, played for one round against the real mock API: it makes exactly the mistake
// it claims, and the healthy ones stay healthy. (The traced, exported version is e2e/demo.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVoisoMock, type VoisoMock } from '@/lib/mock-voiso/start-voiso-mock';
import { demoPersonas, findPersona } from './demo-personas';
import type { Persona, PersonaContext } from './persona';
import { VoisoClient, type VoisoReply, type VoisoRequest } from './voiso-client';

let mock: VoisoMock;

beforeAll(async () => {
  mock = await startVoisoMock();
});
afterAll(async () => {
  await mock?.close();
});

interface Played {
  request: VoisoRequest;
  status: number;
  body: unknown;
}

async function playRound(persona: Persona): Promise<Played[]> {
  const urls = {
    acme: mock.clusters.acme.url,
    globex: mock.clusters.globex.url,
    'acme-staging': mock.clusters['acme-staging'].url,
  };
  const client = new VoisoClient(urls, persona.transport);
  const played: Played[] = [];
  const context: PersonaContext = {
    client,
    async call(request): Promise<VoisoReply> {
      const reply = await client.call(request);
      played.push({ request, status: reply.status, body: reply.body });
      return reply;
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => 0.1,
  };
  await persona.round(context);
  return played;
}

function persona(service: string): Persona {
  const found = findPersona(service);
  if (!found) throw new Error(`no persona ${service}`);
  return found;
}

const statuses = (played: Played[]) => [...new Set(played.map((p) => p.status))].sort();

describe('demo personas', () => {
  it('have distinct service names and only call the clusters they declare', async () => {
    expect(new Set(demoPersonas.map((p) => p.service)).size).toBe(demoPersonas.length);
    for (const p of demoPersonas.filter((p) => !p.service.startsWith('cdr-'))) {
      const played = await playRound(p);
      expect(played.length, p.service).toBeGreaterThan(0);
      for (const call of played) expect(p.clusters, p.service).toContain(call.request.cluster);
    }
  });

  it('crm-sync is healthy: 200, 201 and 204 only', async () => {
    expect(statuses(await playRound(persona('crm-sync')))).toEqual([200, 201, 204]);
  });

  it.each([
    ['report-exporter', [401], { error: 'Unauthorized' }],
    ['legacy-dialer', [401], { error: 'Unauthorized' }],
    ['old-integration', [404], { error: 'Not found' }],
  ])('%s fails every call the same way', async (service, expected, body) => {
    const played = await playRound(persona(service));
    expect(statuses(played)).toEqual(expected);
    expect(played[0]?.body).toEqual(body);
  });

  it('partner-bridge gets 403 on the other contact center and 200 on its own', async () => {
    const played = await playRound(persona('partner-bridge'));
    expect(played.filter((p) => p.request.cluster === 'acme').map((p) => p.status)).toEqual([403, 403]);
    expect(played.filter((p) => p.request.cluster === 'globex').map((p) => p.status)).toEqual([200]);
  });

  it('qa-smoke works on staging and gets 401 on production', async () => {
    const played = await playRound(persona('qa-smoke'));
    expect(played.map((p) => `${p.request.cluster} ${p.status}`)).toEqual(['acme-staging 200', 'acme-staging 200', 'acme 401']);
  });

  it('campaign-scheduler reads campaigns but may not create them', async () => {
    expect((await playRound(persona('campaign-scheduler'))).map((p) => p.status)).toEqual([200, 403]);
  });

  it('transcript-viewer asks for HTML and gets 406 with the allowed formats', async () => {
    const played = await playRound(persona('transcript-viewer'));
    const html = played.find((p) => p.request.accept === 'text/html');
    expect(html?.status).toBe(406);
    expect(html?.body).toEqual({ errors: { format: ['must be one of: json, vtt, srt, text'] } });
  });

  it('campaign-bot retries a 409 twice', async () => {
    const played = await playRound(persona('campaign-bot'));
    expect(played.map((p) => p.status)).toEqual([200, 409, 409, 409]);
    expect(played[1]?.body).toEqual({ errors: { state: ['conflict'] } });
  });

  it('lead-importer (node:http) gets per-field 422s, a 201 and a 404', async () => {
    const played = await playRound(persona('lead-importer'));
    expect(played.map((p) => p.status)).toEqual([422, 422, 201, 404]);
    expect(played[0]?.body).toEqual({ errors: { name: ['is missing'] } });
    expect(played[1]?.body).toEqual({ errors: { timezone: ['must be a string'] } });
  });

  it('cdr-export retries 429s immediately and ends some pages throttled', async () => {
    const played = await playRound(persona('cdr-export'));
    expect(played.filter((p) => p.status === 429).length).toBeGreaterThan(4);
    const byPage = new Map(played.map((p) => [p.request.path, p.status]));
    expect([...byPage.values()].filter((status) => status === 429).length).toBeGreaterThan(0);
  });

  it('cdr-archiver waits out its 429s and gets every page', async () => {
    const played = await playRound(persona('cdr-archiver'));
    expect(played.some((p) => p.status === 429)).toBe(true);
    const byPage = new Map(played.map((p) => [p.request.path, p.status]));
    expect(byPage.size).toBe(26);
    expect([...byPage.values()].every((status) => status === 200)).toBe(true);
  });

  it('agent-wallboard meets the outage with a 503 and gets through on its retry', async () => {
    const played = await playRound(persona('agent-wallboard'));
    expect(played.map((p) => p.status)).toEqual([503, 200]);
    expect(played[0]?.body).toEqual({ error: 'Service Unavailable' });
  });

  it('billing-worker is healthy until its key is rotated away, then gets 401', async () => {
    expect(statuses(await playRound(persona('billing-worker')))).toEqual([200]);
    mock.revokeKey(mock.keys.acmeRotationOld);
    expect(statuses(await playRound(persona('billing-worker')))).toEqual([401]);
  });
});
