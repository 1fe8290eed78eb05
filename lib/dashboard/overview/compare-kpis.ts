// The overview's headline figures (calls, error rate, 401, 403, 429) and how each moved
// against the period just before, in words as well as arrows so colour is never needed.
import { countFailures } from '@/lib/dashboard/count-failures';
import type { RangeKey } from '@/lib/dashboard/dashboard-view';
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import { statusLabel } from '@/lib/dashboard/status-style';
import type { StatusTotals } from '@/lib/db/queries/get-status-totals';

export type KpiId = 'requests' | 'errors' | '401' | '403' | '429';

export interface KpiChange {
  /** 'none': nothing to compare (no calls in one of the periods). */
  direction: 'up' | 'down' | 'same' | 'none';
  /** Shown, e.g. "▲ 12% vs previous hour". */
  text: string;
  /** For screen readers, e.g. "up 12% vs previous hour". */
  spoken: string;
  /** Whether the move is good or bad news, for its colour; the text carries it too. */
  tone: 'good' | 'bad' | 'neutral';
}

export interface Kpi {
  id: KpiId;
  label: string;
  /** The headline figure: a count, or a rate ("—" without calls, never a fake 0%). */
  value: string;
  detail: string;
  change: KpiChange;
}

const headlineStatuses = ['401', '403', '429'] as const;

const previousLabels: Readonly<Record<RangeKey, string>> = {
  '15m': 'previous 15 minutes',
  '1h': 'previous hour',
  '6h': 'previous 6 hours',
  '24h': 'previous 24 hours',
  '7d': 'previous 7 days',
  custom: 'previous period',
};

/** "previous hour" for the last hour, and so on: what the figures are compared with. */
export function previousPeriodLabel(range: RangeKey): string {
  return previousLabels[range];
}

function moved(direction: 'up' | 'down', amount: string, period: string, upIsBad: boolean | null): KpiChange {
  const tone = upIsBad === null ? 'neutral' : (direction === 'up') === upIsBad ? 'bad' : 'good';
  return { direction, text: `${direction === 'up' ? '▲' : '▼'} ${amount} vs ${period}`, spoken: `${direction} ${amount} vs ${period}`, tone };
}

function unchanged(period: string): KpiChange {
  return { direction: 'same', text: `= same as ${period}`, spoken: `same as ${period}`, tone: 'neutral' };
}

/** Relative change of a count: "▲ 12%", "▲ <1%", or "from 0" when the previous period had none. */
export function compareCounts(current: number, previous: number, period: string, upIsBad: boolean | null): KpiChange {
  if (current === previous) return unchanged(period);
  if (previous === 0) return moved('up', 'from 0', period, upIsBad);
  const percent = (Math.abs(current - previous) / previous) * 100;
  const rounded = Math.round(percent);
  return moved(current > previous ? 'up' : 'down', rounded === 0 ? '<1%' : `${formatCount(rounded)}%`, period, upIsBad);
}

/** Change of a rate in percentage points; nothing to compare when either period had no calls. */
export function compareRates(
  current: { count: number; total: number },
  previous: { count: number; total: number },
  period: string,
): KpiChange {
  if (current.total === 0 || previous.total === 0) {
    const why = current.total === 0 ? 'no calls in this range' : `no calls in the ${period}`;
    return { direction: 'none', text: `— ${why}`, spoken: `cannot compare: ${why}`, tone: 'neutral' };
  }
  // Cross-multiplied so equal rates compare equal without floating-point noise.
  const difference = current.count * previous.total - previous.count * current.total;
  if (difference === 0) return unchanged(period);
  const points = (Math.abs(difference) / (current.total * previous.total)) * 100;
  const amount = points < 0.05 ? '<0.1 points' : `${points.toFixed(1).replace(/\.0$/, '')} point${points.toFixed(1) === '1.0' ? '' : 's'}`;
  return moved(difference > 0 ? 'up' : 'down', amount, period, true);
}

export function compareKpis(current: StatusTotals, previous: StatusTotals, period: string): Kpi[] {
  const failures = { current: countFailures(current.byStatus), previous: countFailures(previous.byStatus) };
  const tiles: Kpi[] = [
    {
      id: 'requests',
      label: 'Requests',
      value: formatCount(current.total),
      detail: `${formatCount(previous.total)} in the ${period}`,
      change: compareCounts(current.total, previous.total, period, null),
    },
    {
      id: 'errors',
      label: 'Error rate',
      value: formatShare(failures.current, current.total),
      detail: `${formatCount(failures.current)} failed call${failures.current === 1 ? '' : 's'}`,
      change: compareRates({ count: failures.current, total: current.total }, { count: failures.previous, total: previous.total }, period),
    },
  ];
  for (const status of headlineStatuses) {
    const n = current.byStatus[status] ?? 0;
    tiles.push({
      id: status,
      label: `${status} ${statusLabel(status)}`,
      value: formatCount(n),
      detail: current.total === 0 ? 'rate — (no calls)' : `${formatShare(n, current.total)} of calls`,
      change: compareCounts(n, previous.byStatus[status] ?? 0, period, true),
    });
  }
  return tiles;
}
