// / — the overview: headline figures vs the previous period, the alerts firing now, the top problems the diagnosis
// found, the status time series, the status breakdown, the top failing endpoints and keys, and ingest status; a setup panel
// instead while nothing has been stored.
import Link from 'next/link';
import { TopProblems } from '@/app/_components/findings/top-problems';
import { FiringAlertsPanel } from '@/app/_components/overview/firing-alerts-panel';
import { EmptyRangeNotice } from '@/app/_components/overview/empty-range-notice';
import { EndpointStatsTable } from '@/app/_components/overview/endpoint-stats-table';
import { IngestStatus } from '@/app/_components/overview/ingest-status';
import { KeyStatsTable } from '@/app/_components/overview/key-stats-table';
import { KpiTiles } from '@/app/_components/overview/kpi-tiles';
import styles from '@/app/_components/overview/overview.module.css';
import { SetupPanel } from '@/app/_components/overview/setup-panel';
import { StatusBreakdownTable } from '@/app/_components/overview/status-breakdown-table';
import { StatusChart } from '@/app/_components/status-chart';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { loadFiringAlerts } from '@/lib/dashboard/alerts/load-firing-alerts';
import { rangeLabels, resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { loadOverview, overviewInitialCodes } from '@/lib/dashboard/overview/load-overview';
import { loadProblems } from '@/lib/dashboard/problems/load-problems';
import { getDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const view = resolveDashboardView(await searchParams, Date.now());
  const db = getDatabase();
  // The diagnosis runs alongside the overview's rollup queries.
  const [data, problems, firing] = await Promise.all([loadOverview(db, view), loadProblems(db, view), loadFiringAlerts(db, Date.now())]);
  const rangeText = view.range === 'custom' ? 'chosen range' : rangeLabels[view.range].toLowerCase();
  // Names for the endpoint/key filter chips, when the tables already hold them.
  const pinnedEndpoint = data.failingEndpoints.find((r) => r.stats.endpointId === view.filters.endpoint)?.stats;
  const pinnedKey = data.failingKeys.find((r) => r.stats.fingerprint === view.filters.key)?.stats;
  const pinnedLabels = {
    endpoint: pinnedEndpoint && `${pinnedEndpoint.method} ${pinnedEndpoint.host}${pinnedEndpoint.route}`,
    key: pinnedKey?.label ?? undefined,
  };

  const ingest = (
    <section className={styles.section} aria-labelledby="ingest-heading">
      <h2 id="ingest-heading">Ingest</h2>
      <IngestStatus stats={data.ingest} />
    </section>
  );

  if (data.setup) {
    return (
      <>
        <h1>Overview</h1>
        <ViewBar view={view} path="/" />
        <SetupPanel setup={data.setup} />
        {ingest}
      </>
    );
  }

  return (
    <>
      <h1>Overview</h1>
      <ViewBar view={view} path="/" pinnedLabels={pinnedLabels} />
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className={styles.srOnly}>
          Key figures for the {rangeText}
        </h2>
        <KpiTiles kpis={data.kpis} view={view} />
      </section>

      {/* Firing alerts do not depend on the range: they show whatever range is picked. */}
      <FiringAlertsPanel rows={firing.rows} more={firing.more} />

      {data.callsInRange === 0 ? (
        <div className={styles.section}>
          <EmptyRangeNotice view={view} path="/" lastActivityAt={data.ingest.lastActivityAt} />
        </div>
      ) : (
        <>
          <TopProblems findings={problems.findings} view={view} />

          <section className={styles.section} aria-labelledby="chart-heading">
            <h2 id="chart-heading">401, 403 and 429 over time</h2>
            <StatusChart
              title="Calls by status over time"
              series={data.series}
              initialCodes={overviewInitialCodes}
              rangeMs={view.toMs - view.fromMs}
            />
          </section>

          <section className={styles.section} aria-labelledby="failing-endpoints-heading">
            <div className={styles.sectionHead}>
              <h2 id="failing-endpoints-heading">Top failing endpoints</h2>
              <Link href={`/endpoints${viewQuery(view)}`}>All endpoints</Link>
            </div>
            {data.failingEndpoints.length === 0 ? (
              <p className={styles.empty}>No endpoint had a failed call in this range.</p>
            ) : (
              <EndpointStatsTable rows={data.failingEndpoints} view={view} labelledBy="failing-endpoints-heading" />
            )}
          </section>

          <section className={styles.section} aria-labelledby="failing-keys-heading">
            <div className={styles.sectionHead}>
              <h2 id="failing-keys-heading">Top failing API keys</h2>
              <Link href={`/keys${viewQuery(view)}`}>All API keys</Link>
            </div>
            {data.failingKeys.length === 0 ? (
              <p className={styles.empty}>No API key had a failed call in this range.</p>
            ) : (
              <KeyStatsTable rows={data.failingKeys} view={view} labelledBy="failing-keys-heading" />
            )}
          </section>

          <section className={styles.section} aria-labelledby="status-heading">
            <h2 id="status-heading">Calls by status, {rangeText}</h2>
            <StatusBreakdownTable rows={data.breakdown} view={view} captionId="status-heading" />
          </section>
        </>
      )}
      {ingest}
    </>
  );
}
