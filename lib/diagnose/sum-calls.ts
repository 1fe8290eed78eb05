// Sums the calls of the groups that match, the one arithmetic every rule does on rollup counts.
import type { CallGroup } from './diagnosis-evidence';

export function sumCalls<G extends CallGroup>(groups: readonly G[], match: (g: G) => boolean = () => true): number {
  let n = 0;
  for (const g of groups) if (match(g)) n += g.calls;
  return n;
}
