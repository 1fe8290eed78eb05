// The order findings are shown in: surest first, then the ones about the most calls.
import type { Confidence, Finding } from './finding';

const confidenceRank: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      confidenceRank[a.confidence] - confidenceRank[b.confidence] ||
      b.evidence.calls - a.evidence.calls ||
      a.code.localeCompare(b.code) ||
      a.title.localeCompare(b.title),
  );
}
