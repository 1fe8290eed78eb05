// /keys — every API key fingerprint seen in the view's range with its label and environment,
// sortable by failures or calls, each linking to its key page.
import { EmptyRangeNotice } from '@/app/_components/overview/empty-range-notice';
import { KeyStatsTable } from '@/app/_components/overview/key-stats-table';
import styles from '@/app/_components/overview/overview.module.css';
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { statsOrderSchema } from '@/lib/api/schemas/stats-list-request-schema';
import { resolveDashboardView, type SearchParams, viewQuery } from '@/lib/dashboard/dashboard-view';
import { loadKeyRows } from '@/lib/dashboard/overview/load-key-rows';
import { getDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

const pageLimit = 200;

export default async function KeysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const params = await searchParams;
  const view = resolveDashboardView(params, Date.now());
  const order = statsOrderSchema.catch('errors').parse([params.order].flat()[0]);
  const rows = await loadKeyRows(getDatabase(), view, { order, limit: pageLimit });
  const href = (o: string) => `/keys${viewQuery(view, { order: o })}`;
  return (
    <>
      <h1>API keys</h1>
      <ViewBar view={view} path="/keys" keep={{ order }} />
      {rows.length === 0 ? (
        <EmptyRangeNotice view={view} path="/keys" />
      ) : (
        <section aria-labelledby="keys-heading">
          <div className={styles.sectionHead}>
            <h2 id="keys-heading">{order === 'errors' ? 'API keys by failed calls' : 'API keys by calls'}</h2>
            <p className="muted">
              {rows.length === pageLimit ? `The first ${pageLimit}` : `${rows.length} key${rows.length === 1 ? '' : 's'}`}
              {' · '}
              Keys appear by fingerprint, never the key itself; give one a label on its page.
            </p>
          </div>
          <KeyStatsTable
            rows={rows}
            view={view}
            labelledBy="keys-heading"
            detailColumns
            sort={{ order, hrefs: { errors: href('errors'), total: href('total') } }}
          />
        </section>
      )}
    </>
  );
}
