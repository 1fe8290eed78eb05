// /endpoints — every endpoint called in the view's range, sortable by failures or calls,
// each linking to its endpoint page.
import Link from 'next/link';
import { EmptyRangeNotice } from '@/app/_components/overview/empty-range-notice';
import { EndpointStatsTable } from '@/app/_components/overview/endpoint-stats-table';
import styles from '@/app/_components/overview/overview.module.css';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { statsOrderSchema } from '@/lib/api/schemas/stats-list-request-schema';
import { resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { loadEndpointRows } from '@/lib/dashboard/overview/load-endpoint-rows';
import { getDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

const pageLimit = 200;

export default async function EndpointsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const params = await searchParams;
  const view = resolveDashboardView(params, Date.now());
  const order = statsOrderSchema.catch('errors').parse([params.order].flat()[0]);
  const rows = await loadEndpointRows(getDatabase(), view, { order, limit: pageLimit });
  const href = (o: string) => `/endpoints${viewQuery(view, { order: o })}`;
  return (
    <>
      <h1>Endpoints</h1>
      <ViewBar view={view} path="/endpoints" keep={{ order }} />
      {rows.length === 0 ? (
        <EmptyRangeNotice view={view} path="/endpoints" />
      ) : (
        <section aria-labelledby="endpoints-heading">
          <div className={styles.sectionHead}>
            <h2 id="endpoints-heading">
              {order === 'errors' ? 'Endpoints by failed calls' : 'Endpoints by calls'}
            </h2>
            <p className="muted">
              {rows.length === pageLimit ? `The first ${pageLimit}` : `${rows.length} endpoint${rows.length === 1 ? '' : 's'}`}
              {' · '}
              <Link href={`/requests${viewQuery(view, { order: undefined })}`}>Browse the calls</Link>
            </p>
          </div>
          <EndpointStatsTable
            rows={rows}
            view={view}
            labelledBy="endpoints-heading"
            sort={{ order, hrefs: { errors: href('errors'), total: href('total') } }}
          />
        </section>
      )}
    </>
  );
}
