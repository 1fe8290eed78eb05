import { describe, expect, it } from 'vitest';
import { checkedCauses } from './checked-causes';
import { describeConfidence } from './describe-confidence';
import { findingCodes } from '@/lib/diagnose/finding';

describe('describeConfidence', () => {
  it.each([
    ['high', 'High confidence'],
    ['medium', 'Medium confidence'],
    ['low', 'Low confidence'],
  ] as const)('%s reads "%s" with an explanation', (level, label) => {
    expect(describeConfidence(level).label).toBe(label);
    expect(describeConfidence(level).explanation.length).toBeGreaterThan(10);
  });
});

describe('checkedCauses', () => {
  it('describes every rule the engine has', () => {
    expect(Object.keys(checkedCauses).sort()).toEqual([...findingCodes].sort());
  });
});
