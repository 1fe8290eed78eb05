// /endpoints/[id] — one endpoint over the view's range: figures, diagnosis and advice, status timeline,
// ranked error keys, latency, the API keys that call it and its most recent failures.
import { notFound } from 'next/navigation';
import { RecentFailures } from '@/app/_components/recent-failures';
import { StatusChart } from '@/app/_components/status-chart';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatUtc } from '@/lib/dashboard/format-figures';
import { loadEndpointPage } from '@/lib/dashboard/endpoint/load-endpoint-page';
import { prepareErrorKeyRows } from '@/lib/dashboard/endpoint/prepare-error-key-rows';
import { loadProblems } from '@/lib/dashboard/problems/load-problems';
import { getDatabase } from '@/lib/db/client';
import styles from './endpoint.module.css';
import { EndpointDiagnosis } from './endpoint-diagnosis';
import { EndpointKeyTable } from './endpoint-key-table';
import { EndpointKpis } from './endpoint-kpis';
import { ErrorKeyTable } from './error-key-table';
import { LatencyPanel } from './latency-panel';

export const dynamic = 'force-dynamic';

interface EndpointPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}

export default async function EndpointPage({ params, searchParams }: EndpointPageProps) {
  await requireUser();
  const { id } = await params;
  const resolved = resolveDashboardView(await searchParams, Date.now());
  // The path names the endpoint; an endpoint filter in the query could only contradict it.
  const view = { ...resolved, filters: { ...resolved.filters, endpoint: undefined } };
  const db = getDatabase();
  // The diagnosis runs alongside the endpoint's own queries.
  const [data, problems] = await Promise.all([loadEndpointPage(db, view, id), loadProblems(db, view, { endpoint: id })]);
  if (!data) notFound();
  const { detail, series, initialCodes, pinnedLabels } = data;
  const { endpoint } = detail;
  const path = `/endpoints/${encodeURIComponent(id)}`;
  return (
    <>
      <h1>
        {endpoint.method} {endpoint.host}
        {endpoint.route}
      </h1>
      <ViewBar view={view} path={path} pinnedLabels={pinnedLabels} />
      <dl className={styles.meta}>
        <div>
          <dt>Endpoint id</dt>
          <dd className="mono">{endpoint.id}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>{formatUtc(endpoint.firstSeenMs)}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>{formatUtc(endpoint.lastSeenMs)}</dd>
        </div>
      </dl>
      <EndpointKpis detail={detail} requestsHref={(filter) => `/requests${viewQuery(view, { endpoint: endpoint.id, ...filter })}`} />
      <EndpointDiagnosis view={view} detail={detail} problems={problems} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Status timeline</h2>
        <StatusChart title="Status timeline of this endpoint" series={series} initialCodes={initialCodes} rangeMs={view.toMs - view.fromMs} />
      </section>
      <div className="grid-2">
        <section aria-labelledby="error-keys-heading">
          <h2 id="error-keys-heading">Error keys</h2>
          <ErrorKeyTable rows={prepareErrorKeyRows(detail.errorKeys, detail.errors)} view={view} endpointId={endpoint.id} />
        </section>
        <section aria-labelledby="latency-heading">
          <h2 id="latency-heading">Latency</h2>
          <LatencyPanel latency={detail.latency} />
        </section>
      </div>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">API keys calling it</h2>
        <EndpointKeyTable keys={detail.keys} view={view} />
      </section>
      <RecentFailures view={view} pin={{ endpoint: endpoint.id }} />
    </>
  );
}
