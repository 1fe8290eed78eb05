// A list of findings as cards, most important first; on /problems grouped into one section per
// status, each with its own heading.
import type { DashboardView } from '@/lib/dashboard/dashboard-view';
import { formatCount } from '@/lib/dashboard/format-figures';
import { findingAnchor } from '@/lib/dashboard/problems/finding-anchor';
import { groupFindingsByStatus } from '@/lib/dashboard/problems/group-findings-by-status';
import type { Finding } from '@/lib/diagnose/finding';
import { FindingCard } from './finding-card';
import styles from './findings.module.css';

export interface FindingsListProps {
  findings: readonly Finding[];
  view: DashboardView;
  endpointLabels?: Readonly<Record<string, string>>;
  /** One h2 section per status (the cards' titles are then h3); otherwise one flat list of h3 cards. */
  groupByStatus?: boolean;
}

function Cards({ findings, view, endpointLabels }: Omit<FindingsListProps, 'groupByStatus'>) {
  return (
    <ol className={styles.list}>
      {findings.map((f) => (
        // The anchor names code and scope, which the engine reports once; the title settles the rest.
        <li key={`${findingAnchor(f)}:${f.title}`}>
          <FindingCard finding={f} view={view} level={3} endpointLabels={endpointLabels} />
        </li>
      ))}
    </ol>
  );
}

export function FindingsList({ findings, view, endpointLabels, groupByStatus = false }: FindingsListProps) {
  if (!groupByStatus) return <Cards findings={findings} view={view} endpointLabels={endpointLabels} />;
  return (
    <>
      {groupFindingsByStatus(findings).map((group) => {
        const headingId = `problems-${group.status}-heading`;
        return (
          <section key={group.status} className={styles.group} aria-labelledby={headingId} data-status={group.status}>
            <h2 id={headingId}>
              {group.status === 'network' ? (
                group.label
              ) : (
                <>
                  <span className={`status-${group.statusClass}`}>{group.status}</span> {group.label}
                </>
              )}
            </h2>
            <p className={styles.groupNote}>
              {group.findings.length === 1 ? '1 finding' : `${group.findings.length} findings`} about{' '}
              {group.calls === 1 ? '1 call' : `${formatCount(group.calls)} calls`}
            </p>
            <Cards findings={group.findings} view={view} endpointLabels={endpointLabels} />
          </section>
        );
      })}
    </>
  );
}
