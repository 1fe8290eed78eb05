// The status-code breakdown table: every status seen in the range with its reason phrase,
// count and share, most frequent first.
import { statusClassOf, statusLabel } from '@/lib/dashboard/status-style';
import type { StatusTotals } from '@/lib/db/queries/get-status-totals';
import { formatShare } from '@/lib/dashboard/format-figures';

export interface StatusRow {
  /** "429", or "network" for calls without a response. */
  status: string;
  label: string;
  statusClass: string;
  count: number;
  /** 0..1 */
  share: number;
  shareText: string;
}

export function prepareStatusBreakdown(totals: StatusTotals): StatusRow[] {
  return Object.entries(totals.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => ({
      status,
      label: statusLabel(status),
      statusClass: statusClassOf(status),
      count,
      share: totals.total === 0 ? 0 : count / totals.total,
      shareText: formatShare(count, totals.total),
    }))
    .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
}
