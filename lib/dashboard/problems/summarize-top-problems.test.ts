import { describe, expect, it } from 'vitest';
import { finding } from './finding.fixture';
import { summarizeTopProblems } from './summarize-top-problems';

describe('summarizeTopProblems', () => {
  const findings = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((title) => finding({ title }));

  it('shows the first five in the engine order and counts the rest', () => {
    const top = summarizeTopProblems(findings);
    expect(top.shown.map((f) => f.title)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(top.more).toBe(2);
  });

  it('shows all when there are few, none when there are none', () => {
    expect(summarizeTopProblems(findings.slice(0, 2))).toMatchObject({ more: 0 });
    expect(summarizeTopProblems([])).toEqual({ shown: [], more: 0 });
    expect(summarizeTopProblems(findings, 3).more).toBe(4);
  });
});
