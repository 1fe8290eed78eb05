// Test support: the calls each demo persona (lib/demo/*-personas.ts) makes, as ingest stores them:
// the same services, keys, hosts, routes, statuses, headers, resend counts and timings, over a
// window of time, without running the demo. Deterministic for a given seed. Keep it in step with
// the personas when they change.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { fingerprintApiKey } from '@/lib/instrument/fingerprint-api-key';
import { type DemoKeys, demoKeys } from '@/lib/mock-voiso/demo-keys';
import { type ApiCallSpec, apiCall } from './api-call.fixture';
import type { FindingCode } from './finding';

export const personaHosts = { acme: 'acme.voiso.com', globex: 'globex.voiso.com', staging: 'acme-staging.voiso.com' } as const;

export const personaKey = (name: keyof DemoKeys) => fingerprintApiKey(demoKeys[name]);

/** What each persona's service must be diagnosed with; `optional` codes may appear too. */
export const expectedPersonaCodes: Readonly<Record<string, { codes: FindingCode[]; optional?: FindingCode[] }>> = {
  'crm-sync': { codes: [] },
  'report-exporter': { codes: ['auth.missing_header'] },
  'legacy-dialer': { codes: ['auth.wrong_scheme'] },
  'partner-bridge': { codes: ['permission.wrong_contact_center'] },
  'billing-worker': { codes: ['auth.key_rotated'] },
  'qa-smoke': { codes: ['auth.wrong_environment'] },
  'campaign-scheduler': { codes: ['permission.endpoint_scope'] },
  'old-integration': { codes: ['not_found.wrong_version', 'not_found.wrong_base_url'] },
  'transcript-viewer': { codes: ['not_acceptable.accept_header'] },
  'campaign-bot': { codes: ['conflict.state'] },
  'lead-importer': { codes: ['validation.fields', 'not_found.missing_resource'] },
  'cdr-export': { codes: ['rate_limit.no_backoff'], optional: ['rate_limit.burst'] },
  'cdr-archiver': { codes: ['rate_limit.burst'] },
  'agent-wallboard': { codes: ['server.errors'] },
};

type Spec = Omit<ApiCallSpec, 'service' | 'at' | 'key'> & { key?: string };

interface Round {
  /** A call after the previous one ended. */
  call(spec: Spec): ClassifiedRequest;
  /** Calls started at the same moment; the round goes on after the slowest. */
  parallel(specs: Spec[]): ClassifiedRequest[];
  wait(ms: number): void;
  random(): number;
}

interface PersonaShape {
  service: string;
  environment?: string;
  key: string;
  everyMs: number;
  round(r: Round, roundStartMs: number): void;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const bearer = (key: keyof DemoKeys) => personaKey(key);

function shapes(rotateAtMs: number): PersonaShape[] {
  const cdrPages = (retry: (r: Round, page: ClassifiedRequest) => void) => (r: Round) => {
    // 26 pages at once against a 20-call bucket: 20 pass, 6 are throttled.
    const pages = r.parallel(Array.from({ length: 26 }, (_, i) => ({ route: '/api/v4/cdr', status: i < 20 ? 200 : 429, durationMs: 8 })));
    for (const page of pages.filter((p) => p.statusCode === 429)) retry(r, page);
  };
  return [
    {
      service: 'crm-sync',
      key: bearer('acmeAdmin'),
      everyMs: 2000,
      round: (r) => {
        r.call({ route: '/api/v4/users', status: 200 });
        r.call({ route: '/api/v4/users/{id}', status: 200 });
        r.call({ method: 'PATCH', route: '/api/v4/agents/{id}', status: 200 });
        r.call({ method: 'POST', route: '/api/v4/contacts', status: 201 });
        r.call({ method: 'DELETE', route: '/api/v4/contacts/{id}', status: 204 });
      },
    },
    {
      service: 'report-exporter',
      key: '',
      everyMs: 4000,
      round: (r) => {
        r.call({ route: '/api/v4/cdr', status: 401, authScheme: 'none' });
        r.call({ route: '/api/v4/users', status: 401, authScheme: 'none' });
      },
    },
    {
      service: 'legacy-dialer',
      key: '',
      everyMs: 3000,
      round: (r) => {
        r.call({ route: '/api/v4/agents', status: 401, authScheme: 'other' });
        r.call({ method: 'PATCH', route: '/api/v4/agents/{id}', status: 401, authScheme: 'other' });
      },
    },
    {
      service: 'partner-bridge',
      key: bearer('globexAdmin'),
      everyMs: 3000,
      round: (r) => {
        r.call({ route: '/api/v4/contacts', status: 403 });
        r.call({ route: '/api/v4/contacts/{id}', status: 403 });
        r.call({ host: personaHosts.globex, route: '/api/v4/users', status: 200 });
      },
    },
    {
      service: 'billing-worker',
      key: bearer('acmeRotationOld'),
      everyMs: 3000,
      round: (r, at) => {
        if (at < rotateAtMs) {
          r.call({ route: '/api/v4/cdr', status: 200 });
          r.call({ route: '/api/v4/cdr/{id}', status: 200 });
          r.call({ route: '/api/v4/users', status: 200 });
        } else {
          // No list, so no id to fetch.
          r.call({ route: '/api/v4/cdr', status: 401 });
          r.call({ route: '/api/v4/users', status: 401 });
        }
      },
    },
    {
      service: 'qa-smoke',
      environment: 'staging',
      key: bearer('acmeStagingAdmin'),
      everyMs: 5000,
      round: (r) => {
        r.call({ host: personaHosts.staging, route: '/api/v4/users', status: 200 });
        r.call({ host: personaHosts.staging, route: '/api/v4/campaigns', status: 200 });
        r.call({ route: '/api/v4/users', status: 401 });
      },
    },
    {
      service: 'campaign-scheduler',
      key: bearer('acmeAnalyst'),
      everyMs: 4000,
      round: (r) => {
        r.call({ route: '/api/v4/campaigns', status: 200 });
        r.call({ method: 'POST', route: '/api/v4/campaigns', status: 403 });
      },
    },
    {
      service: 'old-integration',
      key: bearer('acmeLegacy'),
      everyMs: 4000,
      round: (r) => {
        r.call({ route: '/api/v1/users', status: 404 });
        r.call({ route: '/api/v1/contacts/{id}', status: 404 });
        r.call({ route: '/api/v4/call-logs', status: 404 });
      },
    },
    {
      service: 'transcript-viewer',
      key: bearer('acmeTranscripts'),
      everyMs: 3000,
      round: (r) => {
        r.call({ route: '/api/v4/cdr', status: 200 });
        r.call({ route: '/api/v4/cdr/{id}/transcript', status: 406, accept: 'text/html' });
        if (r.random() < 0.3) r.call({ route: '/api/v4/cdr/{id}/transcript', status: 200, accept: 'text/vtt' });
      },
    },
    {
      service: 'campaign-bot',
      key: bearer('acmeCampaignBot'),
      everyMs: 5000,
      round: (r, at) => {
        r.call({ route: '/api/v4/campaigns/{id}', status: 200 });
        // The first start works; from then on the campaign is running and every start conflicts.
        if (at === firstRound.get('campaign-bot')) r.call({ method: 'POST', route: '/api/v4/campaigns/{id}/start', status: 200 });
        else {
          for (let attempt = 0; attempt < 3; attempt += 1) {
            r.call({ method: 'POST', route: '/api/v4/campaigns/{id}/start', status: 409, resendCount: attempt === 0 ? null : attempt });
            r.wait(300);
          }
        }
      },
    },
    {
      service: 'lead-importer',
      key: bearer('acmeImporter'),
      everyMs: 3000,
      round: (r) => {
        r.call({ method: 'POST', route: '/api/v4/contacts', status: 422, fieldErrors: { name: ['is missing'] } });
        r.call({ method: 'POST', route: '/api/v4/contacts', status: 422, fieldErrors: { timezone: ['must be a string'] } });
        r.call({ method: 'POST', route: '/api/v4/contacts', status: 201 });
        r.call({ route: '/api/v4/contacts/{id}', status: 404 });
      },
    },
    {
      service: 'cdr-export',
      key: bearer('acmeCdrExport'),
      everyMs: 5000,
      round: cdrPages((r) => {
        // Retried at once, three times, throttled every time.
        for (let resend = 1; resend <= 3; resend += 1) r.call({ route: '/api/v4/cdr', status: 429, resendCount: resend, durationMs: 3 });
      }),
    },
    {
      service: 'cdr-archiver',
      key: bearer('acmeCdrArchive'),
      everyMs: 6000,
      round: cdrPages((r, page) => {
        r.wait(Math.max(0, page.startMs + page.durationMs + 1000 - nowOf(r)));
        r.call({ route: '/api/v4/cdr', status: 200, resendCount: 1 });
      }),
    },
    {
      service: 'agent-wallboard',
      key: bearer('globexWallboard'),
      everyMs: 2000,
      round: (r) => {
        // A quarter of its polls meet Globex's outage; each is retried once after Retry-After.
        if (r.random() >= 0.25) {
          r.call({ host: personaHosts.globex, route: '/api/v4/agents', status: 200 });
          return;
        }
        r.call({ host: personaHosts.globex, route: '/api/v4/agents', status: 503, retryAfter: '1' });
        r.wait(1000);
        r.call({ host: personaHosts.globex, route: '/api/v4/agents', status: 200, resendCount: 1 });
      },
    },
  ];
}

// Set while generating: the start of each persona's first round, and the clock of a round.
const firstRound = new Map<string, number>();
const clocks = new WeakMap<Round, () => number>();
const nowOf = (r: Round) => clocks.get(r)?.() ?? 0;

/** Every persona's calls between startMs and startMs + durationMs; billing-worker's key is revoked at rotateAfterMs. */
export function personaTraffic(options: { startMs: number; durationMs: number; rotateAfterMs: number; seed?: number }): ClassifiedRequest[] {
  const random = lcg(options.seed ?? 7);
  const endMs = options.startMs + options.durationMs;
  const out: ClassifiedRequest[] = [];
  for (const shape of shapes(options.startMs + options.rotateAfterMs)) {
    let at = options.startMs + Math.floor(random() * 1000);
    firstRound.set(shape.service, at);
    while (at < endMs) {
      let now = at;
      const make = (spec: Spec, start: number) => {
        const { key, ...rest } = spec;
        return apiCall({ ...rest, service: shape.service, environment: shape.environment ?? 'production', key: key ?? shape.key, at: start, durationMs: spec.durationMs ?? 20 + Math.floor(random() * 40) });
      };
      const round: Round = {
        call(spec) {
          const c = make(spec, now);
          now = c.startMs + c.durationMs + 1;
          if (c.startMs < endMs) out.push(c);
          return c;
        },
        parallel(specs) {
          const calls = specs.map((spec, i) => make(spec, now + Math.floor(i / 10)));
          now = Math.max(...calls.map((c) => c.startMs + c.durationMs)) + 1;
          out.push(...calls.filter((c) => c.startMs < endMs));
          return calls;
        },
        wait(ms) {
          now += ms;
        },
        random,
      };
      clocks.set(round, () => now);
      shape.round(round, at);
      at = now + Math.floor(shape.everyMs * (0.75 + random() * 0.5));
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}
