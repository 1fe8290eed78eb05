// The diagnosis panel of an endpoint or key page: the findings about it, or, when no rule
// recognised a cause, the general advice for the status it failed with most.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { DashboardView } from '@/lib/dashboard/dashboard-view';
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import type { FallbackAdvice } from '@/lib/dashboard/problems/choose-fallback-advice';
import { statusLabel } from '@/lib/dashboard/status-style';
import type { Finding } from '@/lib/diagnose/finding';
import { CatalogAdvice } from './catalog-advice';
import { FindingsList } from './findings-list';
import styles from './findings.module.css';

export interface AdvicePanelProps {
  /** The section's id, the target of "#diagnosis" links. */
  id?: string;
  /** "endpoint" or "key", for the sentences. */
  subject: string;
  view: DashboardView;
  findings: readonly Finding[];
  endpointLabels?: Readonly<Record<string, string>>;
  fallback: FallbackAdvice | null;
  total: number;
  errors: number;
  /** The request explorer narrowed to this page's endpoint or key, with extra filters. */
  requestsHref: (filter: Record<string, string>) => string;
}

function calls(n: number): string {
  return n === 1 ? '1 call' : `${formatCount(n)} calls`;
}

export function AdvicePanel(props: AdvicePanelProps) {
  const { id = 'diagnosis', subject, view, findings, endpointLabels, fallback, total, errors, requestsHref } = props;
  const headingId = `${id}-heading`;
  let body: ReactNode;
  if (findings.length > 0) {
    body = (
      <>
        <p>
          {findings.length === 1
            ? `One problem found for this ${subject} in this range.`
            : `${findings.length} problems found for this ${subject} in this range, the most important first.`}
        </p>
        <FindingsList findings={findings} view={view} endpointLabels={endpointLabels} />
      </>
    );
  } else if (errors === 0) {
    body = <p className="muted">{total === 0 ? 'No calls in this range.' : 'No failing calls in this range.'}</p>;
  } else if (fallback) {
    const statusText = `${fallback.status} ${statusLabel(fallback.status)}`;
    body = (
      <>
        <p>
          No specific cause was recognised, but {calls(errors)} of {formatCount(total)} failed ({formatShare(errors, total)})
          {fallback.calls === errors ? `, all with ${statusText}` : `; ${statusText} was the most frequent (${calls(fallback.calls)})`}. The
          general advice for that status:
        </p>
        <h3>About {statusText}</h3>
        <CatalogAdvice entry={fallback.entry} level={4} />
        <p>
          <Link href={requestsHref(fallback.explorerFilter)}>List the {calls(fallback.calls)} in the request explorer</Link>
        </p>
      </>
    );
  } else {
    body = (
      <p className="muted">
        No specific cause was recognised for the {calls(errors)} that failed, and their statuses have no general advice.{' '}
        <Link href={requestsHref({ failed: 'true' })}>List the failing calls</Link>
      </p>
    );
  }
  return (
    <section id={id} aria-labelledby={headingId} className={`panel ${styles.panel}`}>
      <h2 id={headingId}>Diagnosis</h2>
      {body}
    </section>
  );
}
