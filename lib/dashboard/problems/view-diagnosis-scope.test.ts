import { describe, expect, it } from 'vitest';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { viewDiagnosisScope } from './view-diagnosis-scope';

const now = Date.parse('2026-01-10T09:00:00Z');

describe('viewDiagnosisScope', () => {
  it('is the view range with only the filters it sets', () => {
    const view = resolveDashboardView({ range: '1h' }, now);
    expect(viewDiagnosisScope(view)).toEqual({ fromMs: now - 3_600_000, toMs: now });
  });

  it('carries service, environment (even empty), endpoint and key filters', () => {
    const view = resolveDashboardView({ range: '15m', service: 'a', environment: '', endpoint: 'e1', key: 'k1' }, now);
    expect(viewDiagnosisScope(view)).toEqual({
      fromMs: now - 900_000,
      toMs: now,
      service: 'a',
      environment: '',
      endpoint: 'e1',
      key: 'k1',
    });
  });

  it('pins the page endpoint or key over the view filters', () => {
    const view = resolveDashboardView({ range: '1h', endpoint: 'e1', key: 'k1' }, now);
    expect(viewDiagnosisScope(view, { endpoint: 'e2' })).toMatchObject({ endpoint: 'e2', key: 'k1' });
    expect(viewDiagnosisScope(view, { key: 'k2' })).toMatchObject({ endpoint: 'e1', key: 'k2' });
  });
});
