// /keys/[fingerprint] — one API key fingerprint: the diagnosis of its failures, its 401/403/429 timeline, the endpoints it
// calls and their error rates, the services using it, its label (editable by admins), and its recent failures.
import { notFound } from 'next/navigation';
import { AdvicePanel } from '@/app/_components/findings/advice-panel';
import { RecentFailures } from '@/app/_components/recent-failures';
import { StatusChart } from '@/app/_components/status-chart';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { decodeFingerprintParam } from '@/lib/dashboard/key/decode-fingerprint-param';
import { keyInitialCodes } from '@/lib/dashboard/key/key-chart-codes';
import { keyDisplayName } from '@/lib/dashboard/key-display-name';
import { loadKeyPage } from '@/lib/dashboard/key/load-key-page';
import { chooseFallbackAdvice } from '@/lib/dashboard/problems/choose-fallback-advice';
import { loadProblems } from '@/lib/dashboard/problems/load-problems';
import { getDatabase } from '@/lib/db/client';
import { saveKeyLabelsAction } from './actions';
import styles from './key.module.css';
import { KeyEndpointTable } from './key-endpoint-table';
import { KeyKpis } from './key-kpis';
import { KeyLabels, KeyLabelsForm } from './key-labels-form';
import { KeyServices } from './key-services';

export const dynamic = 'force-dynamic';

interface KeyPageProps {
  params: Promise<{ fingerprint: string }>;
  searchParams: Promise<SearchParams>;
}

export default async function KeyPage({ params, searchParams }: KeyPageProps) {
  const user = await requireUser();
  const fingerprint = decodeFingerprintParam((await params).fingerprint);
  if (fingerprint === null) notFound();
  const resolved = resolveDashboardView(await searchParams, Date.now());
  // The path names the key; a key filter in the query could only contradict it.
  const view = { ...resolved, filters: { ...resolved.filters, key: undefined } };
  const db = getDatabase();
  // The diagnosis runs alongside the key's own queries.
  const [data, problems] = await Promise.all([loadKeyPage(db, view, fingerprint), loadProblems(db, view, { key: fingerprint })]);
  if (!data) notFound();
  const { detail, series, pinnedLabels } = data;
  const { key } = detail;
  const requestsHref = (filter: Record<string, string>) => `/requests${viewQuery(view, { key: fingerprint, ...filter })}`;
  return (
    <>
      <h1>{keyDisplayName(key)}</h1>
      <ViewBar view={view} path={`/keys/${encodeURIComponent(fingerprint)}`} pinnedLabels={pinnedLabels} />
      <p className={styles.fingerprintNote}>
        Fingerprint <code className="mono">{key.fingerprint}</code>
        {key.environment ? ` · ${key.environment}` : ''} — a one-way fingerprint of the API key, computed where the call was
        made. It identifies the key; the key itself is never sent to Faultline or shown.
      </p>
      <KeyKpis detail={detail} requestsHref={requestsHref} />
      <AdvicePanel
        id="diagnosis"
        subject="key"
        view={view}
        findings={problems.findings}
        endpointLabels={problems.endpointLabels}
        fallback={problems.findings.length === 0 ? chooseFallbackAdvice(detail.byStatus) : null}
        total={detail.total}
        errors={detail.errors}
        requestsHref={requestsHref}
      />
      <section aria-labelledby="key-timeline-heading">
        <h2 id="key-timeline-heading">401, 403 and 429 over time</h2>
        <StatusChart title="Statuses of calls with this key" series={series} initialCodes={[...keyInitialCodes]} rangeMs={view.toMs - view.fromMs} />
      </section>
      <section aria-labelledby="key-endpoints-heading">
        <h2 id="key-endpoints-heading">Endpoints called with this key</h2>
        <KeyEndpointTable endpoints={detail.endpoints} view={view} />
      </section>
      <div className="grid-2">
        <section aria-labelledby="key-services-heading">
          <h2 id="key-services-heading">Services using it</h2>
          <KeyServices services={detail.services} />
        </section>
        <section aria-labelledby="key-labels-heading">
          <h2 id="key-labels-heading">Label and environment</h2>
          {user.role === 'admin' ? (
            <KeyLabelsForm action={saveKeyLabelsAction.bind(null, key.fingerprint)} label={key.label} environment={key.environment} />
          ) : (
            <KeyLabels label={key.label} environment={key.environment} />
          )}
        </section>
      </div>
      <RecentFailures view={view} pin={{ key: key.fingerprint }} />
    </>
  );
}
