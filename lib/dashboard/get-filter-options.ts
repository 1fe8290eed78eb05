// The values the filter pickers offer for a view: services and environments seen in its range.
import { getDatabase } from '@/lib/db/client';
import { type FilterOptions, listFilterOptions } from '@/lib/db/queries/list-filter-options';
import { type DashboardView, viewRollupFilter } from './dashboard-view';

export async function getFilterOptions(view: DashboardView): Promise<FilterOptions> {
  const { fromMinute, toMinute } = viewRollupFilter(view);
  const options = await listFilterOptions(getDatabase(), fromMinute, toMinute);
  // A filter from a shared link stays selectable even when its service sent nothing lately.
  const { service, environment } = view.filters;
  if (service && !options.services.includes(service)) options.services.push(service);
  if (environment && !options.environments.includes(environment)) options.environments.push(environment);
  return options;
}
