// /requests — the request explorer: stored calls filtered by the URL, paged by cursor, with a
// detail drawer for one call (?request=<id>, also opened from other pages).
import { ViewBar } from '@/app/_components/view-bar';
import { requireUser } from '@/lib/auth/current-user';
import { resolveDashboardView, type SearchParams } from '@/lib/dashboard/dashboard-view';
import { pinnedViewLabels } from '@/lib/dashboard/requests/describe-request-filters';
import { loadRequestExplorer } from '@/lib/dashboard/requests/load-request-explorer';
import { parseRequestExplorerQuery } from '@/lib/dashboard/requests/parse-request-explorer-query';
import { RequestDrawer } from './request-drawer';
import { RequestFilterForm } from './request-filter-form';
import { RequestTable } from './request-table';

export const dynamic = 'force-dynamic';

export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const params = await searchParams;
  const view = resolveDashboardView(params, Date.now());
  const query = parseRequestExplorerQuery(params);
  const { page, detail } = await loadRequestExplorer(view, query);
  const drawerOpen = query.requestId !== undefined || query.requestProblem !== undefined;
  return (
    <>
      <h1>Requests</h1>
      <ViewBar view={view} path="/requests" pinnedLabels={pinnedViewLabels(view.filters, [...page.requests, detail])}
        // A new range or filter starts from the newest page, with the explorer's own filters kept.
        keep={{ ...query.params, cursor: undefined, request: undefined }}
      />
      <RequestFilterForm view={view} query={query} />
      <RequestTable view={view} query={query} page={page} />
      {drawerOpen ? <RequestDrawer view={view} query={query} detail={detail ?? null} /> : null}
    </>
  );
}
