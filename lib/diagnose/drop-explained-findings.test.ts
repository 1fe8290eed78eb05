import { describe, expect, it } from 'vitest';
import { dropExplainedFindings } from './drop-explained-findings';
import type { Finding, FindingCode, FindingScope } from './finding';
import { sortFindings } from './sort-findings';

function finding(code: FindingCode, status: string, scope: FindingScope, extra: Partial<Finding> = {}): Finding {
  return {
    code,
    status,
    title: code,
    confidence: 'high',
    scope,
    evidence: { calls: 10, since: '', until: '', figures: {}, facts: [], examples: [] },
    advice: '',
    requestFilters: {},
    ...extra,
  };
}

describe('dropExplainedFindings', () => {
  it('keeps the wrong version over a wrong base URL on the same endpoint', () => {
    const version = finding('not_found.wrong_version', '404', { service: 's', key: 'k', endpointIds: ['a', 'b'], host: 'h' });
    const baseUrl = finding('not_found.wrong_base_url', '404', { service: 's', key: 'k', endpointIds: ['b'], endpointId: 'b', host: 'h' });
    expect(dropExplainedFindings([baseUrl, version])).toEqual([version]);
  });

  it('keeps both when they concern different endpoints', () => {
    const version = finding('not_found.wrong_version', '404', { service: 's', key: 'k', endpointIds: ['a'] });
    const resource = finding('not_found.missing_resource', '404', { service: 's', key: 'k', endpointIds: ['c'] });
    expect(dropExplainedFindings([version, resource])).toHaveLength(2);
  });

  it('keeps a rotation over a wrong environment of the same key, not of another', () => {
    const rotated = finding('auth.key_rotated', '401', { service: 's', key: 'k1' });
    const sameKey = finding('auth.wrong_environment', '401', { service: 's', key: 'k1', host: 'h' });
    const otherKey = finding('auth.wrong_environment', '401', { service: 's', key: 'k2', host: 'h' });
    expect(dropExplainedFindings([rotated, sameKey, otherKey])).toEqual([rotated, otherKey]);
  });

  it('keeps causes that do not compete (no backoff and burst) and drops exact duplicates', () => {
    const noBackoff = finding('rate_limit.no_backoff', '429', { service: 's', key: 'k' });
    const burst = finding('rate_limit.burst', '429', { service: 's', key: 'k' });
    expect(dropExplainedFindings([noBackoff, burst, { ...burst }])).toEqual([noBackoff, burst]);
  });
});

describe('sortFindings', () => {
  it('puts the surest first, then the ones about most calls', () => {
    const at = (confidence: Finding['confidence'], calls: number) =>
      finding('server.errors', '5xx', {}, { confidence, title: `${confidence} ${calls}`, evidence: { calls, since: '', until: '', figures: {}, facts: [], examples: [] } });
    const sorted = sortFindings([at('low', 900), at('high', 5), at('medium', 50), at('high', 40)]);
    expect(sorted.map((f) => f.title)).toEqual(['high 40', 'high 5', 'medium 50', 'low 900']);
  });
});
