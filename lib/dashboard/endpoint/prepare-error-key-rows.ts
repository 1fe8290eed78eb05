// The ranked error keys of an endpoint as table rows: status with its label, the 422 field
// and message split apart, and each key's share of the endpoint's failed calls.
import type { RankedErrorKey } from '@/lib/db/queries/rank-error-keys';
import { formatShare } from '../format-figures';
import { statusClassOf, statusLabel } from '../status-style';
import { splitErrorKey } from './split-error-key';

export interface ErrorKeyRow {
  /** "422", or "network" for calls without a response. */
  status: string;
  statusLabel: string;
  statusClass: string;
  errorKey: string;
  field: string | null;
  message: string;
  count: number;
  /** count as a share of the failed calls, e.g. "37.5%"; a call with several keys counts under each. */
  shareText: string;
}

export function statusOf(statusCode: number): string {
  return statusCode === 0 ? 'network' : String(statusCode);
}

export function prepareErrorKeyRows(ranked: readonly RankedErrorKey[], failures: number): ErrorKeyRow[] {
  return ranked.map((k) => {
    const status = statusOf(k.statusCode);
    return {
      status,
      statusLabel: statusLabel(status),
      statusClass: statusClassOf(status),
      errorKey: k.errorKey,
      ...splitErrorKey(k.statusCode, k.errorKey),
      count: k.count,
      shareText: formatShare(k.count, failures),
    };
  });
}
