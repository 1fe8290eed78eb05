// One cause per scope: where two rules explain the same calls, the more specific one stays (a 404
// on /api/v1 is a wrong version, not also a wrong base URL; a rotated key is not also a key of
// another environment). Exact duplicates go too.
import type { Finding, FindingCode } from './finding';

/** Within each list, an earlier code explains the calls of a later one it overlaps. */
const precedence: readonly (readonly FindingCode[])[] = [
  ['auth.key_rotated', 'auth.wrong_environment'],
  ['permission.wrong_contact_center', 'permission.endpoint_scope'],
  ['not_found.wrong_version', 'not_found.missing_resource', 'not_found.wrong_base_url'],
];

function rankOf(code: FindingCode): { list: number; rank: number } | null {
  for (let list = 0; list < precedence.length; list += 1) {
    const rank = (precedence[list] as readonly FindingCode[]).indexOf(code);
    if (rank >= 0) return { list, rank };
  }
  return null;
}

/** Same status, and no scope field that both name differs; endpoint lists must share one. */
function overlaps(a: Finding, b: Finding): boolean {
  if (a.status !== b.status) return false;
  for (const field of ['service', 'key', 'endpointId', 'host'] as const) {
    const x = a.scope[field];
    const y = b.scope[field];
    if (x !== undefined && y !== undefined && x !== y) return false;
  }
  const ea = a.scope.endpointIds;
  const eb = b.scope.endpointIds;
  return !ea || !eb || ea.some((id) => eb.includes(id));
}

export function dropExplainedFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const id = JSON.stringify([f.code, f.scope]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return unique.filter((f) => {
    const mine = rankOf(f.code);
    if (!mine) return true;
    return !unique.some((other) => {
      const theirs = rankOf(other.code);
      return theirs !== null && theirs.list === mine.list && theirs.rank < mine.rank && overlaps(f, other);
    });
  });
}
