// The endpoint's error keys, ranked: status, the 422 field and message split apart, calls and
// share of the endpoint's failures, each linking to the matching calls in the explorer.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { ErrorKeyRow } from '@/lib/dashboard/endpoint/prepare-error-key-rows';
import { formatCount } from '@/lib/dashboard/format-figures';
import styles from './endpoint.module.css';

export function ErrorKeyTable({ rows, view, endpointId }: { rows: ErrorKeyRow[]; view: DashboardView; endpointId: string }) {
  if (rows.length === 0) return <p className="muted">No error keys in this range.</p>;
  return (
    <>
      <div className="table-wrap">
        <table aria-labelledby="error-keys-heading">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Field</th>
              <th scope="col">Error key / message</th>
              <th scope="col" className={styles.numeric}>
                Calls
              </th>
              <th scope="col" className={styles.numeric}>
                Share of failures
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.status} ${r.errorKey}`}>
                <td className={styles.nowrap}>
                  <span className={`badge status-${r.statusClass}`}>
                    {r.status === 'network' ? '' : `${r.status} `}
                    {r.statusLabel}
                  </span>
                </td>
                <td>{r.field === null ? <span className="muted">—</span> : <code className={styles.field}>{r.field}</code>}</td>
                <td>
                  <Link href={`/requests${viewQuery(view, { endpoint: endpointId, failed: 'true', errorKey: r.errorKey })}`}>{r.message}</Link>
                </td>
                <td className={styles.numeric}>{formatCount(r.count)}</td>
                <td className={styles.numeric}>{r.shareText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.caption}>
        A call with several error keys (a 422 naming several fields) counts under each, so the shares can add up to more than 100%.
      </p>
    </>
  );
}
