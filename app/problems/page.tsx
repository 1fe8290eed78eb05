// /problems — every finding of the diagnosis for the view's range and filters, grouped by
// status with the most important first, each with its evidence, fix and calls; when there is
// none, what was checked.
import Link from 'next/link';
import { FindingsList } from '@/app/_components/findings/findings-list';
import styles from '@/app/_components/findings/findings.module.css';
import { EmptyRangeNotice } from '@/app/_components/overview/empty-range-notice';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { rangeLabels, resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatCount } from '@/lib/dashboard/format-figures';
import { checkedCauses } from '@/lib/dashboard/problems/checked-causes';
import { loadProblemsPage } from '@/lib/dashboard/problems/load-problems-page';
import { getDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const view = resolveDashboardView(await searchParams, Date.now());
  const data = await loadProblemsPage(getDatabase(), view);
  const { findings } = data;
  const rangeText = view.range === 'custom' ? 'the chosen range' : `the ${rangeLabels[view.range].toLowerCase()}`;
  const filtered = Object.values(view.filters).some((v) => v !== undefined);
  // Names for the endpoint/key filter chips, when a finding already holds them.
  const pinnedEndpoint = findings.find((f) => f.scope.endpointId === view.filters.endpoint)?.scope.endpoint;
  const callsText = `${formatCount(data.calls)} ${data.calls === 1 ? 'call' : 'calls'}`;
  return (
    <>
      <h1>Problems</h1>
      <ViewBar view={view} path="/problems" pinnedLabels={{ endpoint: pinnedEndpoint }} />
      {data.calls === 0 ? (
        <EmptyRangeNotice view={view} path="/problems" />
      ) : findings.length === 0 ? (
        <section className="panel" aria-labelledby="no-problems-heading">
          <h2 id="no-problems-heading" className={styles.noTopMargin}>
            No problem found in {rangeText}
          </h2>
          <p>
            Faultline checked the {callsText} made in {rangeText}
            {filtered ? ' with these filters' : ''} ({formatCount(data.failures)} failed) for:
          </p>
          <ul className={styles.checked}>
            {Object.entries(checkedCauses).map(([code, text]) => (
              <li key={code}>{text}</li>
            ))}
          </ul>
          {data.failures > 0 ? (
            <p>
              None of these causes matched the failures.{' '}
              <Link href={`/requests${viewQuery(view, { failed: 'true' })}`}>See the failing calls in the request explorer</Link>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <p className={styles.summary}>
            {findings.length === 1 ? 'One problem' : `${findings.length} problems`} found in the {callsText} of {rangeText}
            {filtered ? ' with these filters' : ''}, grouped by status, the most important first. Each names its evidence, the
            fix and the calls that show it.
          </p>
          <FindingsList findings={findings} view={view} endpointLabels={data.endpointLabels} groupByStatus />
        </>
      )}
    </>
  );
}
