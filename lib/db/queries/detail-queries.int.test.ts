// The queries behind the endpoint and key pages (endpoint and key records, label updates,
// ranked error keys, the latency histogram, a key's services) on a real database seeded with
// known calls (SQLite, or PostgreSQL with FAULTLINE_TEST_DB=postgresql).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { makeRequest } from '@/lib/testing/make-request';
import { seedCalls } from '@/lib/testing/seed-calls';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { getApiKey } from './get-api-key';
import { getEndpoint } from './get-endpoint';
import { getLatencyHistogram } from './get-latency-histogram';
import { listKeyServices } from './list-key-services';
import { listKeyStats } from './list-key-stats';
import { rankErrorKeys } from './rank-error-keys';
import type { RollupFilter } from './rollup-filter';
import { updateApiKeyLabels } from './update-api-key-labels';

const t = createTestDatabaseForFile();
const minute = 60_000;
// 10:00 UTC, so a range of whole hours is read from the hourly rollups.
const base = Date.UTC(2026, 2, 4, 10, 0);
const m0 = base / minute;
const run = randomBytes(4).toString('hex');
const ep = (n: number) => `${run}${n.toString(16).padStart(8, '0')}`;
const epA = ep(1);
const epB = ep(2);
const fpA = `fp_a_${run}`;
const fpB = `fp_b_${run}`;
const svc = (name: string) => `${name}-${run}`;

function call(m: number, statusCode: number, overrides: Partial<ClassifiedRequest> = {}): ClassifiedRequest {
  return makeRequest({
    startMs: base + m * minute + 5_000,
    statusCode,
    endpointId: epA,
    method: 'POST',
    host: 'cc1.voiso.com',
    route: '/api/v4/contacts',
    apiKeyFingerprint: fpA,
    service: svc('crm'),
    environment: 'production',
    errorKeys: statusCode >= 400 || statusCode === 0 ? ['Error'] : [],
    ...overrides,
  });
}

// epA over [m0, m0 + 120): durations chosen for the histogram; 422s with two keys each.
const calls: ClassifiedRequest[] = [
  call(0, 200, { durationMs: 30 }),
  call(0, 200, { durationMs: 50 }),
  call(1, 200, { durationMs: 80 }),
  call(2, 200, { durationMs: 240 }),
  call(3, 422, { durationMs: 400, errorKeys: ['name: is missing', 'timezone: must be a string'] }),
  call(65, 422, { durationMs: 900, errorKeys: ['name: is missing'] }),
  call(66, 422, { durationMs: 2_000, errorKeys: ['name: is missing'], apiKeyFingerprint: fpB, service: svc('billing') }),
  call(70, 429, { durationMs: 4_000, errorKeys: ['Too many requests'], service: svc('billing') }),
  call(119, 0, { durationMs: 30_000, errorKeys: ['timeout'], errorType: 'timeout' }),
  // epB, and a call outside the range.
  call(5, 401, { endpointId: epB, route: '/api/v4/users', method: 'GET', errorKeys: ['Unauthorized'], durationMs: 10 }),
  call(120, 401, { errorKeys: ['Unauthorized'], durationMs: 10 }),
];

const range = (from: number, to: number, extra: Partial<RollupFilter> = {}): RollupFilter => ({ fromMinute: m0 + from, toMinute: m0 + to, ...extra });

beforeAll(async () => {
  await seedCalls(t.db, calls);
});

describe('getEndpoint and getApiKey', () => {
  it('return what the endpoint and the key are and when they were first and last seen', async () => {
    expect(await getEndpoint(t.db, epA)).toEqual({
      id: epA,
      method: 'POST',
      host: 'cc1.voiso.com',
      route: '/api/v4/contacts',
      firstSeenMs: base + 5_000,
      lastSeenMs: base + 120 * minute + 5_000,
    });
    expect(await getApiKey(t.db, fpB)).toEqual({
      fingerprint: fpB,
      label: null,
      environment: null,
      firstSeenMs: base + 66 * minute + 5_000,
      lastSeenMs: base + 66 * minute + 5_000,
    });
  });

  it('return null for ids never seen, and for the empty fingerprint', async () => {
    expect(await getEndpoint(t.db, ep(99))).toBeNull();
    expect(await getApiKey(t.db, `fp_nobody_${run}`)).toBeNull();
    expect(await getApiKey(t.db, '')).toBeNull();
  });
});

// These add calls of their own on another endpoint, so the figures above stay as seeded.
describe('updateApiKeyLabels', () => {
  it('sets, keeps and clears the label and environment, and answers null for an unknown key', async () => {
    const fp = `fp_label_${run}`;
    await seedCalls(t.db, [call(0, 200, { apiKeyFingerprint: fp, endpointId: ep(50) })]);

    const set = await updateApiKeyLabels(t.db, fp, { label: 'billing worker', environment: 'production' });
    expect(set).toMatchObject({ fingerprint: fp, label: 'billing worker', environment: 'production', firstSeenMs: base + 5_000 });
    expect(await updateApiKeyLabels(t.db, fp, { environment: 'staging' })).toMatchObject({ label: 'billing worker', environment: 'staging' });
    expect(await updateApiKeyLabels(t.db, fp, {})).toMatchObject({ label: 'billing worker', environment: 'staging' });
    expect(await updateApiKeyLabels(t.db, fp, { label: null })).toMatchObject({ label: null, environment: 'staging' });
    expect(await getApiKey(t.db, fp)).toMatchObject({ label: null, environment: 'staging' });
    expect(await updateApiKeyLabels(t.db, `fp_nobody_${run}`, { label: 'x' })).toBeNull();
    expect(await getApiKey(t.db, `fp_nobody_${run}`)).toBeNull();
  });

  it('keeps a label when new calls with the key arrive, and the key stats carry it', async () => {
    const fp = `fp_keep_${run}`;
    const later = base + 200 * minute;
    await seedCalls(t.db, [call(200, 200, { apiKeyFingerprint: fp, endpointId: ep(50) })]);
    await updateApiKeyLabels(t.db, fp, { label: 'reports', environment: 'production' });
    await seedCalls(t.db, [call(201, 429, { apiKeyFingerprint: fp, endpointId: ep(50) }), call(150, 200, { apiKeyFingerprint: fp, endpointId: ep(50) })]);
    expect(await getApiKey(t.db, fp)).toEqual({
      fingerprint: fp,
      label: 'reports',
      environment: 'production',
      firstSeenMs: base + 150 * minute + 5_000,
      lastSeenMs: later + minute + 5_000,
    });
    const [stats] = await listKeyStats(t.db, range(150, 210, { key: fp }), { order: 'errors', limit: 5 });
    expect(stats).toMatchObject({ fingerprint: fp, label: 'reports', environment: 'production', total: 3, errors: 1 });
  });
});

describe('rankErrorKeys', () => {
  it('ranks keys per status over the range, most frequent first, counting a multi-key call under each key', async () => {
    expect(await rankErrorKeys(t.db, range(0, 120, { endpoint: epA }), { limit: 10 })).toEqual([
      { statusCode: 422, errorKey: 'name: is missing', count: 3 },
      { statusCode: 0, errorKey: 'timeout', count: 1 },
      { statusCode: 422, errorKey: 'timezone: must be a string', count: 1 },
      { statusCode: 429, errorKey: 'Too many requests', count: 1 },
    ]);
  });

  it('follows the filter and the limit', async () => {
    expect(await rankErrorKeys(t.db, range(0, 120, { endpoint: epA, key: fpB }), { limit: 10 })).toEqual([
      { statusCode: 422, errorKey: 'name: is missing', count: 1 },
    ]);
    expect(await rankErrorKeys(t.db, range(0, 120, { service: svc('crm') }), { limit: 2 })).toEqual([
      { statusCode: 422, errorKey: 'name: is missing', count: 2 },
      { statusCode: 0, errorKey: 'timeout', count: 1 },
    ]);
    expect(await rankErrorKeys(t.db, range(60, 65, { endpoint: epA }), { limit: 10 })).toEqual([]);
  });
});

describe('getLatencyHistogram', () => {
  it('sums the buckets, the durations and the slowest call over a range read partly from hourly rollups', async () => {
    // [m0, m0 + 120) is two whole hours: read from the hourly rollups.
    expect(await getLatencyHistogram(t.db, range(0, 120, { endpoint: epA }))).toEqual({
      buckets: [2, 1, 1, 1, 1, 1, 1, 1],
      count: 9,
      durationSumMs: 30 + 50 + 80 + 240 + 400 + 900 + 2_000 + 4_000 + 30_000,
      durationMaxMs: 30_000,
    });
    // A ragged range: minute and 10-minute rollups.
    expect(await getLatencyHistogram(t.db, range(1, 66, { endpoint: epA }))).toEqual({
      buckets: [0, 1, 1, 1, 1, 0, 0, 0],
      count: 4,
      durationSumMs: 80 + 240 + 400 + 900,
      durationMaxMs: 900,
    });
  });

  it('is all zeros without calls', async () => {
    expect(await getLatencyHistogram(t.db, range(0, 120, { endpoint: ep(99) }))).toEqual({
      buckets: [0, 0, 0, 0, 0, 0, 0, 0],
      count: 0,
      durationSumMs: 0,
      durationMaxMs: 0,
    });
  });
});

describe('listKeyServices', () => {
  it('lists the services that used a key in the range, busiest first, with their failures', async () => {
    expect(await listKeyServices(t.db, range(0, 120, { key: fpA }), { limit: 10 })).toEqual([
      { service: svc('crm'), total: 8, errors: 4 },
      { service: svc('billing'), total: 1, errors: 1 },
    ]);
    expect(await listKeyServices(t.db, range(0, 120, { key: fpA }), { limit: 1 })).toHaveLength(1);
    expect(await listKeyServices(t.db, range(0, 120, { key: `fp_nobody_${run}` }), { limit: 10 })).toEqual([]);
  });
});
