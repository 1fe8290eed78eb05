// The one-line diagnosis per failing status: how many calls failed with it and the error key
// most of them carried. The advice panel of the next issue builds on this.
import type { RankedErrorKey } from '@/lib/db/queries/rank-error-keys';
import { statusClassOf, statusLabel } from '../status-style';
import { statusOf } from './prepare-error-key-rows';

export interface TopErrorKey {
  status: string;
  statusLabel: string;
  statusClass: string;
  /** Calls with this status in the range. */
  calls: number;
  /** The most frequent key; null when none was recorded for the status. */
  errorKey: string | null;
  /** Calls carrying that key. */
  keyCalls: number;
  /** keyCalls / calls (at most 1: a call carries a key once). */
  share: number;
}

const isFailure = (status: string) => status === 'network' || Number(status) >= 400;

/** Failing statuses, most calls first; `ranked` must be sorted by count, as rankErrorKeys returns it. */
export function summarizeTopErrorKeys(ranked: readonly RankedErrorKey[], byStatus: Readonly<Record<string, number>>): TopErrorKey[] {
  const top = new Map<string, RankedErrorKey>();
  for (const k of ranked) {
    const status = statusOf(k.statusCode);
    const best = top.get(status);
    if (!best || k.count > best.count) top.set(status, k);
  }
  return Object.entries(byStatus)
    .filter(([status, calls]) => calls > 0 && isFailure(status))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([status, calls]) => {
      const key = top.get(status);
      const keyCalls = Math.min(key?.count ?? 0, calls);
      return {
        status,
        statusLabel: statusLabel(status),
        statusClass: statusClassOf(status),
        calls,
        errorKey: key?.errorKey ?? null,
        keyCalls,
        share: keyCalls / calls,
      };
    });
}
