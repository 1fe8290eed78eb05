import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/diagnose/finding';
import { finding } from './finding.fixture';
import { groupFindingsByStatus } from './group-findings-by-status';

function withCalls(status: string, calls: number, title: string): Finding {
  const f = finding({ status, title });
  return { ...f, evidence: { ...f.evidence, calls } };
}

describe('groupFindingsByStatus', () => {
  it('keeps the engine order: groups by first appearance, findings in order inside them', () => {
    const groups = groupFindingsByStatus([
      withCalls('429', 10, 'a'),
      withCalls('401', 5, 'b'),
      withCalls('429', 3, 'c'),
      withCalls('5xx', 2, 'd'),
    ]);
    expect(groups.map((g) => [g.status, g.heading, g.statusClass, g.calls, g.findings.map((f) => f.title)])).toEqual([
      ['429', '429 Too Many Requests', '4xx', 13, ['a', 'c']],
      ['401', '401 Unauthorized', '4xx', 5, ['b']],
      ['5xx', '5xx Server errors', '5xx', 2, ['d']],
    ]);
    expect(groups[2]?.label).toBe('Server errors');
  });

  it('has no group without findings', () => {
    expect(groupFindingsByStatus([])).toEqual([]);
  });
});
