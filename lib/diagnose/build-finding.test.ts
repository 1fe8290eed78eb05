import { describe, expect, it } from 'vitest';
import { apiCall } from './api-call.fixture';
import { buildFinding, type FindingDraft } from './build-finding';
import { evidenceFromCalls } from './diagnosis-evidence.fixture';

const t0 = Date.UTC(2026, 0, 21, 8, 0);
const calls = [
  apiCall({ service: 's', key: 'k', at: t0 + 61_000, status: 401, route: '/api/v4/a' }),
  apiCall({ service: 's', key: 'k', at: t0 + 62_000, status: 401, route: '/api/v4/a' }),
  apiCall({ service: 's', key: 'k', at: t0 + 63_000, status: 401, route: '/api/v4/a' }),
  apiCall({ service: 's', key: 'k', at: t0 + 64_000, status: 401, route: '/api/v4/a' }),
  apiCall({ service: 's', key: 'k', at: t0 + 10_000, status: 401, route: '/api/v4/b' }),
];
const evidence = evidenceFromCalls(calls, { fromMs: t0, toMs: t0 + 120_000 });

function draft(overrides: Partial<FindingDraft> = {}): FindingDraft {
  return {
    code: 'auth.wrong_environment',
    status: '401',
    title: 't',
    confidence: 'high',
    service: 's',
    key: 'k',
    endpointIds: evidence.groups.map((g) => g.endpointId),
    calls: 5,
    groups: evidence.groups,
    sample: evidence.failures,
    figures: {},
    facts: [],
    advice: 'a',
    describe: (c) => `call ${c.id}`,
    ...overrides,
  };
}

describe('buildFinding', () => {
  it('shows the newest call of each endpoint before a second one of the same', () => {
    const f = buildFinding(evidence, draft());
    expect(f.evidence.examples.map((e) => e.at)).toEqual([t0 + 64_000, t0 + 10_000, t0 + 63_000].map((ms) => new Date(ms).toISOString()));
    expect(f.evidence.examples[0]).toMatchObject({ statusCode: 401, detail: 'call 4', traceId: calls[3]?.traceId });
  });

  it('spans the sampled calls, or reaches back to the rollups when the sample holds only the newest', () => {
    expect(buildFinding(evidence, draft()).evidence).toMatchObject({ since: new Date(t0 + 10_000).toISOString(), until: new Date(t0 + 64_000).toISOString() });
    const partial = buildFinding(evidence, draft({ calls: 50, sample: evidence.failures.slice(0, 2) }));
    expect(partial.evidence.since).toBe(new Date(t0).toISOString());
  });

  it('names one endpoint in full, several by id, and filters the explorer accordingly', () => {
    const several = buildFinding(evidence, draft());
    expect(several.scope).toEqual({ service: 's', key: 'k', endpointIds: [...new Set(evidence.groups.map((g) => g.endpointId))].sort(), host: 'acme.voiso.com' });
    expect(several.requestFilters).toEqual({ status: '401', service: 's', key: 'k' });
    const one = buildFinding(evidence, draft({ key: '', endpointIds: [calls[0]?.endpointId ?? ''], errorKey: 'Unauthorized' }));
    expect(one.scope.endpoint).toBe('GET acme.voiso.com/api/v4/a');
    expect(one.requestFilters).toEqual({ status: '401', service: 's', endpoint: calls[0]?.endpointId, errorKey: 'Unauthorized' });
  });
});
