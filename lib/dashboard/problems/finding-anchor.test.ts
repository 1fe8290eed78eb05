import { describe, expect, it } from 'vitest';
import { finding } from './finding.fixture';
import { findingAnchor } from './finding-anchor';

describe('findingAnchor', () => {
  it('is a valid fragment that stays the same for the same code and scope', () => {
    const a = findingAnchor(finding());
    expect(a).toMatch(/^auth-wrong-scheme-[0-9a-f]{8}$/);
    const later = finding({ title: 'other words', evidence: { ...finding().evidence, calls: 3 } });
    expect(findingAnchor(later)).toBe(a);
  });

  it('differs when the scope or code differs', () => {
    const base = finding();
    const anchors = new Set([
      findingAnchor(base),
      findingAnchor(finding({ code: 'auth.missing_header' })),
      findingAnchor(finding({ scope: { ...base.scope, key: 'fp_other' } })),
      findingAnchor(finding({ scope: { ...base.scope, service: 'other' } })),
      findingAnchor(finding({ scope: { ...base.scope, endpointId: 'e2', endpointIds: ['e2'] } })),
    ]);
    expect(anchors.size).toBe(5);
  });
});
