// validation.fields: 422s ranked by field message, each read as missing, wrong type or not allowed.
import { describe, expect, it } from 'vitest';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from '../api-call.fixture';
import { evidenceFromCalls } from '../diagnosis-evidence.fixture';
import { healthyTraffic } from '../healthy-traffic.fixture';
import { validationFields } from './validation-fields';

const t0 = Date.UTC(2026, 0, 17, 8, 0);
const post = (at: number, status: number, fieldErrors?: Record<string, string[]>) =>
  apiCall({ service: 'lead-importer', key: 'fp_li', at, status, method: 'POST', route: '/api/v4/contacts', fieldErrors });
const importer = (rounds: number) =>
  every(rounds, t0, 3000, (at) => [
    post(at, 422, { name: ['is missing'] }),
    post(at + 100, 422, { timezone: ['must be a string'] }),
    post(at + 200, 201),
  ]);

const cases: { name: string; calls: ClassifiedRequest[]; findings: number }[] = [
  { name: 'fires on rejected bodies', calls: importer(2), findings: 1 },
  { name: 'near miss: two rejected bodies', calls: [post(t0, 422), post(t0 + 1000, 422), ...every(10, t0, 1000, (at) => post(at, 201))], findings: 0 },
  {
    name: 'near miss: 422s that name no field',
    calls: every(5, t0, 1000, (at) => apiCall({ service: 'x', key: 'fp_x', at, status: 422, method: 'POST', route: '/api/v4/contacts', fieldErrors: {} })),
    findings: 0,
  },
  { name: 'healthy traffic', calls: healthyTraffic(t0), findings: 0 },
];

describe('validation.fields', () => {
  it.each(cases)('$name', ({ calls, findings }) => {
    expect(validationFields(evidenceFromCalls(calls))).toHaveLength(findings);
  });

  it('ranks the field messages and turns each into a fix', () => {
    const calls = [
      ...importer(6),
      ...every(2, t0, 1000, (at) => post(at, 422, { dialer_mode: ['must be one of: progressive, predictive'] })),
      ...healthyTraffic(t0),
    ];
    const [f] = validationFields(evidenceFromCalls(calls));
    expect(f?.evidence.calls).toBe(14);
    expect(f?.evidence.facts.slice(1, 4)).toEqual([
      '"name: is missing" on 6 calls (missing).',
      '"timezone: must be a string" on 6 calls (wrong type).',
      '"dialer_mode: must be one of: progressive, predictive" on 2 calls (value not allowed).',
    ]);
    expect(f?.evidence.figures).toMatchObject({ invalid: 14, fields: 3, 'name: is missing': 6 });
    expect(f?.advice).toContain('always send "name" (it is required)');
    expect(f?.advice).toContain('send "timezone" as a string');
    expect(f?.advice).toContain('send "dialer_mode" as exactly one of the allowed values, with the same case');
    expect(f?.requestFilters).toMatchObject({ status: '422', service: 'lead-importer' });
    expect(f?.requestFilters.errorKey).toBeUndefined();
  });

  it('filters the explorer by the error key when there is only one', () => {
    const calls = every(4, t0, 1000, (at) => post(at, 422, { name: ['is missing'] }));
    expect(validationFields(evidenceFromCalls(calls))[0]?.requestFilters.errorKey).toBe('name: is missing');
  });
});
