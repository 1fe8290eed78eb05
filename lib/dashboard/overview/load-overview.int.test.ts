// The overview's data for a view, on a real database: the setup panel while nothing was
// stored, then figures, series, tables and sparklines that come from the rollups alone.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken, tokenDisplayPrefix } from '@/lib/auth/hash-token';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { createNamedToken } from '@/lib/db/tokens';
import { makeRequest } from '@/lib/testing/make-request';
import { uniqueId, setUpRouteTestEnvForFile } from '@/lib/testing/route-harness';
import { seedCalls } from '@/lib/testing/seed-calls';
import { loadOverview, overviewChartCodes } from './load-overview';

const env = setUpRouteTestEnvForFile({ FAULTLINE_PUBLIC_URL: 'https://faultline.example.com/' });

const minute = 60_000;
const now = Date.UTC(2026, 3, 1, 12, 0, 30);

describe('loadOverview', () => {
  it('offers the setup panel while nothing was ever stored', async () => {
    // A token with "_" in its random part, whose stored display prefix runs past 4 characters.
    const token = `fl_ingest_${randomBytes(12).toString('hex')}_${randomBytes(6).toString('hex')}`;
    await createNamedToken(env.t.db, { kind: 'ingest', name: uniqueId('bootstrap-ingest'), tokenHash: hashToken(token), prefix: tokenDisplayPrefix(token) });
    const data = await loadOverview(env.t.db, resolveDashboardView({}, now));
    expect(data.callsInRange).toBe(0);
    expect(data.setup).toMatchObject({
      baseUrl: 'https://faultline.example.com',
      otlpEndpoint: 'https://faultline.example.com/v1/traces',
      tokenFromEnvironment: true,
      storedTokens: [expect.objectContaining({ prefix: `${token.slice(0, 'fl_ingest_'.length + 4)}…` })],
    });
    expect(data.setup?.envVars).toContain('OTEL_EXPORTER_OTLP_ENDPOINT=https://faultline.example.com');
    // Nothing of the token beyond its marker and 4 characters.
    expect(JSON.stringify(data)).not.toContain(token.slice(0, 'fl_ingest_'.length + 5));
  });

  describe('with calls', () => {
    const service = uniqueId('svc-overview');
    const epA = randomBytes(8).toString('hex');
    const epB = randomBytes(8).toString('hex');
    const fpA = uniqueId('fp_a');
    const params = { range: '1h', service };
    // The last hour is 11:00:30 – 12:00:30; the previous hour 10:00:30 – 11:00:30.
    const at = (minutesBeforeNow: number) => now - minutesBeforeNow * minute;
    const call = (ago: number, statusCode: number, endpointId: string, apiKeyFingerprint: string) =>
      makeRequest({ startMs: at(ago), statusCode, service, endpointId, apiKeyFingerprint });

    beforeAll(async () => {
      const calls = [
        call(50, 401, epA, fpA),
        call(50, 401, epA, fpA),
        call(30, 429, epA, ''),
        call(30, 200, epA, fpA),
        call(10, 200, epB, fpA),
        call(10, 200, epB, fpA),
        call(5, 0, epB, fpA),
        call(5, 200, epB, fpA),
        // The previous hour: 4 calls, one 401.
        call(90, 401, epA, fpA),
        call(90, 200, epA, fpA),
        call(80, 200, epB, fpA),
        call(70, 200, epB, fpA),
      ];
      await seedCalls(env.t.db, calls, now);
    });

    it('gives figures vs the previous hour, the series, the breakdown and the failing tables with sparklines', async () => {
      const view = resolveDashboardView(params, now);
      const data = await loadOverview(env.t.db, view);
      expect(data.setup).toBeNull();
      expect(data.callsInRange).toBe(8);
      expect(data.kpis.map((k) => [k.id, k.value, k.change.text])).toEqual([
        ['requests', '8', '▲ 100% vs previous hour'],
        ['errors', '50%', '▲ 25 points vs previous hour'],
        ['401', '2', '▲ 100% vs previous hour'],
        ['403', '0', '= same as previous hour'],
        ['429', '1', '▲ from 0 vs previous hour'],
      ]);
      expect(data.series.map((s) => s.code)).toEqual(overviewChartCodes);
      expect(data.series[0]?.points).toHaveLength(61);
      expect(data.series[0]?.points.reduce((sum, p) => sum + p.count, 0)).toBe(2);
      expect(data.breakdown.map((r) => [r.status, r.count, r.shareText])).toEqual([
        ['200', 4, '50%'],
        ['401', 2, '25%'],
        ['429', 1, '12.5%'],
        ['network', 1, '12.5%'],
      ]);
      expect(data.failingEndpoints.map((r) => [r.stats.endpointId, r.stats.errors])).toEqual([
        [epA, 3],
        [epB, 1],
      ]);
      expect(data.failingKeys.map((r) => [r.stats.fingerprint, r.stats.errors])).toEqual([
        [fpA, 3],
        ['', 1],
      ]);
      const spark = data.failingEndpoints[0]?.failures ?? [];
      expect(spark).toHaveLength(61);
      // 61 one-minute buckets from 11:00: 11:10 had two 401s, 11:30 a 429 and a 200, the rest no calls.
      expect(spark.filter((v) => v !== null)).toEqual([2, 1]);
      expect(spark[10]).toBe(2);
      expect(spark[30]).toBe(1);
    });

    it('reads only rollups: the same answer with the raw calls deleted', async () => {
      const view = resolveDashboardView(params, now);
      const before = await loadOverview(env.t.db, view);
      await env.t.db.prisma.$executeRaw`DELETE FROM requests WHERE service = ${service}`;
      expect(await env.t.db.prisma.request.count({ where: { service } })).toBe(0);
      expect(await loadOverview(env.t.db, view)).toEqual(before);
    });

    it('reports an empty range without a setup panel once calls were stored', async () => {
      const data = await loadOverview(env.t.db, resolveDashboardView({ range: '15m', service: uniqueId('svc-nobody') }, now));
      expect(data.setup).toBeNull();
      expect(data.callsInRange).toBe(0);
      expect(data.failingEndpoints).toEqual([]);
      expect(data.kpis.find((k) => k.id === 'errors')?.value).toBe('—');
    });
  });
});
