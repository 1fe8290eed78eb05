// Words for the explorer's active filters: the removable chips above the table and the
// sentence of the empty state, so a person sees exactly what narrowed the result.
import { type DashboardView, rangeLabels } from '@/lib/dashboard/dashboard-view';
import { statusLabel } from '@/lib/dashboard/status-style';
import type { StoredRequest } from '@/lib/db/queries/stored-request';
import type { RequestExplorerParams, RequestExplorerQuery } from './parse-request-explorer-query';
import { formatEndpoint, formatStatus, formatUtcTime } from './prepare-request-row';

export interface FilterChip {
  /** The URL parameter removing the chip deletes. */
  name: keyof RequestExplorerParams;
  text: string;
}

export function requestFilterChips(query: RequestExplorerQuery): FilterChip[] {
  const chips: FilterChip[] = [];
  if (query.statuses?.length) chips.push({ name: 'status', text: `Status: ${query.statuses.map(formatStatus).join(', ')}` });
  if (query.statusClass) chips.push({ name: 'class', text: `Class: ${query.statusClass} (${statusLabel(query.statusClass)})` });
  if (query.errorKey !== undefined) chips.push({ name: 'errorKey', text: `Error key: ${query.errorKey}` });
  if (query.failedOnly) chips.push({ name: 'failed', text: 'Failed calls only' });
  return chips;
}

function rangeText(view: DashboardView): string {
  if (view.range !== 'custom') return `in the ${rangeLabels[view.range].toLowerCase()}`;
  return `between ${formatUtcTime(view.fromMs)} and ${formatUtcTime(view.toMs)} UTC`;
}

/** The empty state's sentence, naming every filter in force. */
export function emptyRequestsMessage(view: DashboardView, query: RequestExplorerQuery): string {
  const parts: string[] = [];
  if (query.statuses?.length) parts.push(`status ${query.statuses.map(formatStatus).join(' or ')}`);
  if (query.statusClass) parts.push(`class ${query.statusClass}`);
  if (query.failedOnly) parts.push('failed calls only');
  if (query.errorKey !== undefined) parts.push(`error key "${query.errorKey}"`);
  const f = view.filters;
  if (f.service !== undefined) parts.push(`service ${f.service}`);
  if (f.environment !== undefined) parts.push(f.environment === '' ? 'no environment' : `environment ${f.environment}`);
  if (f.endpoint !== undefined) parts.push('the chosen endpoint');
  if (f.key !== undefined) parts.push('the chosen API key');
  const older = query.cursor ? 'older ' : '';
  if (parts.length === 0) {
    return `No ${older}calls were stored ${rangeText(view)}; widen the range, or check that your application sends spans.`;
  }
  return `No ${older}calls match ${parts.join(', ')} ${rangeText(view)}; widen the range or remove a filter.`;
}

/**
 * Readable labels for the view's endpoint and key filters, taken from the calls at hand (they
 * all share the pinned endpoint or key); the view bar falls back to the raw id without them.
 */
export function pinnedViewLabels(
  filters: DashboardView['filters'],
  calls: readonly (StoredRequest | null | undefined)[],
): { endpoint?: string; key?: string } {
  const labels: { endpoint?: string; key?: string } = {};
  for (const call of calls) {
    if (!call) continue;
    if (filters.endpoint !== undefined && call.endpointId === filters.endpoint) labels.endpoint ??= formatEndpoint(call);
    if (filters.key !== undefined && call.apiKeyFingerprint === filters.key && call.apiKeyLabel) labels.key ??= call.apiKeyLabel;
  }
  return labels;
}
