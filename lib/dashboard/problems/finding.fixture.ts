// A finding for unit tests of the problems pages' pure functions; override what a test is about.
import type { Finding } from '@/lib/diagnose/finding';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: 'auth.wrong_scheme',
    status: '401',
    title: 'report-exporter sends its key without "Bearer"',
    confidence: 'high',
    scope: {
      service: 'report-exporter',
      key: 'fp_77d1e0aa',
      endpointId: 'ep00000000000001',
      endpoint: 'GET cc1.voiso.com/api/v4/cdr',
      endpointIds: ['ep00000000000001'],
      host: 'cc1.voiso.com',
    },
    evidence: {
      calls: 62,
      since: '2026-01-10T08:00:01.000Z',
      until: '2026-01-10T08:59:30.000Z',
      figures: { unauthorized: 62, withOtherScheme: 62, medianRetryGapMs: 48 },
      facts: ['62 of 62 401s carried an Authorization header in another form than Bearer'],
      examples: [1, 2, 3, 4].map((n) => ({
        requestId: 100 + n,
        traceId: `0af7651916cd43dd8448eb211c8031${String(n).padStart(2, '0')}`,
        at: `2026-01-10T08:0${n}:00.000Z`,
        statusCode: 401,
        detail: 'Authorization: other',
      })),
    },
    advice: 'Send the key as "Authorization: Bearer <key>".',
    requestFilters: { status: '401', key: 'fp_77d1e0aa', endpoint: 'ep00000000000001', service: 'report-exporter' },
    ...overrides,
  };
}
