import { describe, expect, it } from 'vitest';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { finding } from './finding.fixture';
import { figureLabel, maxCardExamples, prepareFindingCard, scopeEndpointIds } from './prepare-finding-card';

const now = Date.parse('2026-01-10T09:00:00Z');
const view = resolveDashboardView({ range: '6h', environment: 'production' }, now);

function params(href: string): Record<string, string> {
  return Object.fromEntries(new URL(href, 'http://x').searchParams);
}

describe('prepareFindingCard', () => {
  it('names the status and the confidence in words', () => {
    const card = prepareFindingCard(finding(), view);
    expect(card.statusText).toBe('401 Unauthorized');
    expect(card.statusClass).toBe('4xx');
    expect(card.confidence.label).toBe('High confidence');
    expect(prepareFindingCard(finding({ status: '5xx', confidence: 'low' }), view)).toMatchObject({
      statusText: '5xx Server errors',
      statusClass: '5xx',
      confidence: { label: 'Low confidence' },
    });
  });

  it('links the scope to the overview, key and endpoint pages, keeping the view', () => {
    const card = prepareFindingCard(finding(), view);
    expect(card.scope.map((s) => [s.kind, s.text, s.href?.split('?')[0]])).toEqual([
      ['service', 'report-exporter', '/'],
      ['key', 'fp_77d1e0aa', '/keys/fp_77d1e0aa'],
      ['endpoint', 'GET cc1.voiso.com/api/v4/cdr', '/endpoints/ep00000000000001'],
    ]);
    expect(params(card.scope[0]?.href ?? '')).toEqual({ range: '6h', environment: 'production', service: 'report-exporter' });
    expect(params(card.scope[1]?.href ?? '')).toEqual({ range: '6h', environment: 'production' });
  });

  it('drops the view key or endpoint filter from links to those pages, and encodes fingerprints', () => {
    const pinned = resolveDashboardView({ range: '1h', key: 'fp_other', endpoint: 'ep00000000000009' }, now);
    const card = prepareFindingCard(finding({ scope: { key: 'fp/a+b', endpointId: 'ep00000000000001' } }), pinned);
    expect(card.scope[0]?.href).toBe('/keys/fp%2Fa%2Bb?range=1h&endpoint=ep00000000000009');
    expect(card.scope[1]?.href).toBe('/endpoints/ep00000000000001?range=1h&key=fp_other');
    expect(card.scope[1]?.text).toBe('ep00000000000001');
  });

  it('shows calls without a key as text, several endpoints by label, and the host when no endpoint is named', () => {
    const card = prepareFindingCard(
      finding({ scope: { key: '', endpointIds: ['e1', 'e2'] } }),
      view,
      { endpointLabels: { e1: 'GET h/api/v4/a' } },
    );
    expect(card.scope).toEqual([
      { kind: 'key', name: 'API key', text: 'No key', mono: false },
      expect.objectContaining({ kind: 'endpoint', name: 'Endpoints', text: 'GET h/api/v4/a' }),
      expect.objectContaining({ kind: 'endpoint', name: 'Endpoints', text: 'e2' }),
    ]);
    const hostOnly = prepareFindingCard(finding({ scope: { service: 's', host: 'cc9.voiso.com' } }), view);
    expect(hostOnly.scope.map((s) => [s.kind, s.text, s.href])).toEqual([
      ['service', 's', '/?range=6h&environment=production&service=s'],
      ['host', 'cc9.voiso.com', undefined],
    ]);
  });

  it('names at most five endpoints and counts the rest', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `e${i}`);
    const f = finding({ scope: { service: 's', key: 'k', endpointIds: ids } });
    const endpoints = prepareFindingCard(f, view).scope.filter((s) => s.kind === 'endpoint');
    expect(endpoints.map((s) => s.text)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'and 3 more']);
    expect(endpoints[5]?.href).toBeUndefined();
    expect(scopeEndpointIds(f)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    // A single endpoint is named by the finding itself.
    expect(scopeEndpointIds(finding())).toEqual([]);
  });

  it('links the calls and at most three examples to the request explorer with the finding filters', () => {
    const card = prepareFindingCard(finding(), view);
    expect(card.callsText).toBe('Show the 62 calls');
    expect(card.callsHref.startsWith('/requests?')).toBe(true);
    expect(params(card.callsHref)).toEqual({
      range: '6h',
      environment: 'production',
      status: '401',
      key: 'fp_77d1e0aa',
      endpoint: 'ep00000000000001',
      service: 'report-exporter',
    });
    expect(card.examples).toHaveLength(maxCardExamples);
    expect(params(card.examples[0]?.href ?? '')).toMatchObject({ status: '401', request: '101' });
    expect(card.examples[0]).toMatchObject({
      label: '2026-01-10 08:01:00 UTC · 401 Unauthorized',
      detail: 'Authorization: other',
      traceId: '0af7651916cd43dd8448eb211c803101',
    });
    const one = finding();
    one.evidence = { ...one.evidence, calls: 1, examples: [] };
    expect(prepareFindingCard(one, view)).toMatchObject({ callsText: 'Show the call', examples: [] });
  });

  it('formats times, figures and carries the catalog entry for the status', () => {
    const card = prepareFindingCard(finding(), view);
    expect(card.since).toBe('2026-01-10 08:00:01 UTC');
    expect(card.until).toBe('2026-01-10 08:59:30 UTC');
    expect(card.figures).toEqual([
      { label: 'Unauthorized', value: '62' },
      { label: 'With other scheme', value: '62' },
      { label: 'Median retry gap (ms)', value: '48' },
    ]);
    const moments = finding();
    moments.evidence = { ...moments.evidence, figures: { onsetMs: Date.parse('2026-01-10T08:14:10Z'), gapMs: 1500.5, host: 'h' } };
    expect(prepareFindingCard(moments, view).figures).toEqual([
      { label: 'Onset', value: '2026-01-10 08:14:10 UTC' },
      { label: 'Gap (ms)', value: '1,500.5' },
      { label: 'Host', value: 'h' },
    ]);
    expect(card.catalog?.status).toBe('401');
    expect(prepareFindingCard(finding({ status: '503' }), view).catalog?.status).toBe('5xx');
    expect(prepareFindingCard(finding({ status: '405' }), view).catalog).toBeUndefined();
  });
});

describe('figureLabel', () => {
  it.each([
    ['medianRetryGapMs', 'Median retry gap (ms)'],
    ['retryAfterSeconds', 'Retry after (s)'],
    ['peakPerMinute', 'Peak per minute'],
    ['p95LatencyMs', 'P95 latency (ms)'],
    ['medianPerSecondAt429', 'Median per second at 429'],
    ['passedBeforeFirst429', 'Passed before first 429'],
    ['HTTPStatus', 'HTTP status'],
    ['calls_total', 'Calls total'],
    ['Ms', 'Ms'],
    ['calls', 'Calls'],
  ])('%s reads "%s"', (name, label) => {
    expect(figureLabel(name)).toBe(label);
  });
});
