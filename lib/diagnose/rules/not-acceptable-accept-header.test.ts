// not_acceptable.accept_header: 406s with the Accept values sent and the formats offered.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { notAcceptableAcceptHeader } from './not-acceptable-accept-header';

const t0 = Date.UTC(2026, 0, 15, 8, 0);
const route = '/api/v4/cdr/{id}/transcript';
const viewer = (refused: number, worked = 0) => [
  ...every(refused, t0, 3000, (at) => apiCall({ service: 'transcript-viewer', key: 'fp_tv', at, status: 406, route, accept: 'text/html' })),
  ...every(worked, t0 + 500, 3000, (at) => apiCall({ service: 'transcript-viewer', key: 'fp_tv', at, status: 200, route, accept: 'text/vtt' })),
];

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires on 3 refused formats', calls: viewer(3), findings: 1 },
  { name: 'near miss: two 406s', calls: viewer(2, 10), findings: 0 },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('not_acceptable.accept_header', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(notAcceptableAcceptHeader(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('shows what was asked for, what is offered and what worked', () => {
    const [f] = notAcceptableAcceptHeader(evidenceFromCalls([...viewer(8, 4), ...healthyTraffic(t0)]));
    expect(f?.title).toBe(`transcript-viewer asks ${route} for a format it does not offer (text/html)`);
    expect(f?.evidence.figures).toMatchObject({ notAcceptable: 8, acceptSent: 'text/html', formatsOffered: 'json, vtt, srt, text', succeededWithOtherAccept: 4 });
    expect(f?.evidence.facts).toContain('Calls to the same endpoint that asked for "text/vtt" (4) succeeded.');
    expect(f?.advice).toContain('vtt (Accept: text/vtt)');
    expect(f?.advice).toContain('your calls asked for "text/html"');
    expect(f?.evidence.examples[0]?.detail).toBe('Accept: text/html');
    expect(f?.requestFilters).toEqual({ status: '406', service: 'transcript-viewer', key: 'fp_tv', endpoint: f?.scope.endpointId });
  });
});
