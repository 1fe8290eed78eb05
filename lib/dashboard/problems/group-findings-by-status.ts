// The /problems page's sections: findings grouped by the status they explain, the group of the
// most important finding first, and the engine's order kept inside each group.
import { statusClassOf, statusLabel } from '@/lib/dashboard/status-style';
import type { Finding } from '@/lib/diagnose/finding';

export interface FindingGroup {
  status: string;
  /** "401 Unauthorized", "5xx Server errors". */
  heading: string;
  /** "Unauthorized", "Server errors". */
  label: string;
  /** "4xx", "5xx", … for the colour class. */
  statusClass: string;
  findings: Finding[];
  /** Calls behind the group's findings (a call can count in two findings of one status). */
  calls: number;
}

export function groupFindingsByStatus(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.status);
    if (!group) {
      const label = statusLabel(finding.status);
      const heading = finding.status === 'network' ? label : `${finding.status} ${label}`;
      group = { status: finding.status, heading, label, statusClass: statusClassOf(finding.status), findings: [], calls: 0 };
      groups.set(finding.status, group);
    }
    group.findings.push(finding);
    group.calls += finding.evidence.calls;
  }
  return [...groups.values()];
}
