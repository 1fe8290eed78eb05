// The bar under every page title: range picker, filters and auto-refresh for the page's view.
import type { DashboardView } from '@/lib/dashboard/dashboard-view';
import { viewQuery } from '@/lib/dashboard/dashboard-view';
import { getFilterOptions } from '@/lib/dashboard/get-filter-options';
import { AutoRefresh } from './auto-refresh';
import { ViewControls, type ViewControlsProps } from './view-controls';

export interface ViewBarProps {
  view: DashboardView;
  /** The page's own path, for the refresh toggle link. */
  path: string;
  /** Labels of the endpoint/key filters in the view, e.g. "GET host/api/v4/users". */
  pinnedLabels?: { endpoint?: string; key?: string };
  /** The page's own URL parameters (e.g. the explorer's `status`), kept when the view changes. */
  keep?: Record<string, string | undefined>;
}

export async function ViewBar({ view, path, pinnedLabels = {}, keep = {} }: ViewBarProps) {
  const options = await getFilterOptions(view);
  const pinned: ViewControlsProps['pinned'] = [];
  if (view.filters.endpoint) {
    pinned.push({ name: 'endpoint', value: view.filters.endpoint, label: pinnedLabels.endpoint ?? view.filters.endpoint });
  }
  if (view.filters.key) pinned.push({ name: 'key', value: view.filters.key, label: pinnedLabels.key ?? view.filters.key });
  return (
    <div className="view-bar">
      <ViewControls
        range={view.range}
        fromIso={new Date(view.fromMs).toISOString()}
        toIso={new Date(view.toMs).toISOString()}
        service={view.filters.service}
        environment={view.filters.environment}
        services={options.services}
        environments={options.environments}
        pinned={pinned}
        refresh={view.refreshChoice}
        problems={view.problems}
        keep={keep}
      />
      <AutoRefresh
        on={view.autoRefresh}
        toggleHref={`${path}${viewQuery(view, { ...keep, refresh: view.autoRefresh ? 'off' : 'on' })}`}
      />
    </div>
  );
}
