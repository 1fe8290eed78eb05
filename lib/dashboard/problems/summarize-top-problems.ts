// The overview's "Top problems": the few most important findings (the engine sorts them) and
// how many more the /problems page holds.
import type { Finding } from '@/lib/diagnose/finding';

export const topProblemsLimit = 5;

export interface TopProblems {
  shown: Finding[];
  /** Findings left for the /problems page. */
  more: number;
}

export function summarizeTopProblems(findings: readonly Finding[], limit = topProblemsLimit): TopProblems {
  const shown = findings.slice(0, Math.max(0, limit));
  return { shown, more: findings.length - shown.length };
}
