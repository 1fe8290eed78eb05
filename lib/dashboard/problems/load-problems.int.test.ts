// The problems loaders on a real database: seeded 401s without an Authorization header (on two
// endpoints) and with a non-Bearer header become findings of the view, narrowed by an endpoint or
// key pin, while a healthy service, endpoint and key get none.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { makeRequest } from '@/lib/testing/make-request';
import { setUpRouteTestEnvForFile, uniqueId } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';
import { loadProblems } from './load-problems';
import { loadProblemsPage } from './load-problems-page';

const env = setUpRouteTestEnvForFile();

const minute = 60_000;
// Its own hour, away from the other files' seeded ranges.
const now = Date.UTC(2026, 5, 17, 9, 0, 30);

describe('loadProblems', () => {
  const service = uniqueId('svc-problems');
  const healthy = uniqueId('svc-healthy');
  const host = `cc-${randomBytes(4).toString('hex')}.voiso.com`;
  const epUsers = randomBytes(8).toString('hex');
  const epCdr = randomBytes(8).toString('hex');
  const epHealthy = randomBytes(8).toString('hex');
  const basicKey = uniqueId('fp_basic');
  const goodKey = uniqueId('fp_good');
  const at = (minutesAgo: number, second = 0) => now - minutesAgo * minute + second * 1000;
  const unauthorized = { statusCode: 401, errorKeys: ['Unauthorized'], errorBody: '{"error":"Unauthorized"}' };

  beforeAll(async () => {
    await seedCalls(
      env.t.db,
      [
        // No Authorization header at all: no key, on two endpoints.
        ...[40, 30, 20].map((ago) =>
          makeRequest({ ...unauthorized, startMs: at(ago), service, host, endpointId: epUsers, route: '/api/v4/users', apiKeyFingerprint: '', authScheme: 'none' }),
        ),
        ...[35, 25].map((ago) =>
          makeRequest({ ...unauthorized, startMs: at(ago), service, host, endpointId: epCdr, route: '/api/v4/cdr', apiKeyFingerprint: '', authScheme: 'none' }),
        ),
        // A key sent in another form than Bearer.
        ...[15, 10, 5, 4].map((ago) =>
          makeRequest({ ...unauthorized, startMs: at(ago), service, host, endpointId: epUsers, route: '/api/v4/users', apiKeyFingerprint: basicKey, authScheme: 'other' }),
        ),
        // A healthy client on its own endpoint.
        ...[50, 40, 30, 20, 10].map((ago) =>
          makeRequest({ startMs: at(ago), service: healthy, host, endpointId: epHealthy, route: '/api/v4/teams', apiKeyFingerprint: goodKey }),
        ),
      ],
      now,
    );
  });

  it('finds the missing header and the wrong scheme of the service, with evidence and labels', async () => {
    const view = resolveDashboardView({ range: '1h', service }, now);
    const { findings, endpointLabels } = await loadProblems(env.t.db, view);
    expect(findings.map((f) => [f.code, f.scope.key, f.evidence.calls])).toEqual(
      expect.arrayContaining([
        ['auth.missing_header', '', 5],
        ['auth.wrong_scheme', basicKey, 4],
      ]),
    );
    const missing = findings.find((f) => f.code === 'auth.missing_header');
    expect(missing?.scope).toMatchObject({ service, endpointIds: [epCdr, epUsers].sort() });
    expect(missing?.evidence.examples.length).toBeGreaterThan(0);
    expect(missing?.requestFilters).toMatchObject({ status: '401', service });
    // The card names the two endpoints by method, host and route.
    expect(endpointLabels).toEqual({ [epUsers]: `GET ${host}/api/v4/users`, [epCdr]: `GET ${host}/api/v4/cdr` });
    const wrongScheme = findings.find((f) => f.code === 'auth.wrong_scheme');
    expect(wrongScheme?.scope).toMatchObject({ key: basicKey, endpointId: epUsers, endpoint: `GET ${host}/api/v4/users` });
  });

  it('narrows to the pinned endpoint or key', async () => {
    const view = resolveDashboardView({ range: '1h', service }, now);
    const onCdr = await loadProblems(env.t.db, view, { endpoint: epCdr });
    expect(onCdr.findings.map((f) => f.code)).toEqual(['auth.missing_header']);
    const ofBasicKey = await loadProblems(env.t.db, view, { key: basicKey });
    expect(ofBasicKey.findings.map((f) => f.code)).toEqual(['auth.wrong_scheme']);
    expect(ofBasicKey.endpointLabels).toEqual({});
  });

  it('finds nothing for the healthy service, endpoint or key, nor outside the range', async () => {
    const healthyView = resolveDashboardView({ range: '1h', service: healthy }, now);
    expect((await loadProblems(env.t.db, healthyView)).findings).toEqual([]);
    const all = resolveDashboardView({ range: '1h' }, now);
    expect((await loadProblems(env.t.db, all, { endpoint: epHealthy })).findings).toEqual([]);
    expect((await loadProblems(env.t.db, all, { key: goodKey })).findings).toEqual([]);
    const earlier = resolveDashboardView({ range: '1h', service }, now - 2 * 60 * minute);
    expect((await loadProblems(env.t.db, earlier)).findings).toEqual([]);
  });

  it('counts the calls and failures the page checked', async () => {
    const page = await loadProblemsPage(env.t.db, resolveDashboardView({ range: '1h', service }, now));
    expect(page).toMatchObject({ calls: 9, failures: 9 });
    expect(page.findings.length).toBeGreaterThanOrEqual(2);
    const healthyPage = await loadProblemsPage(env.t.db, resolveDashboardView({ range: '1h', service: healthy }, now));
    expect(healthyPage).toMatchObject({ calls: 5, failures: 0, findings: [] });
  });
});
