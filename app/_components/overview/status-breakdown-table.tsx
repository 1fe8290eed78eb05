// Calls by status code in the range, each row linking to those calls in the request explorer.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatCount } from '@/lib/dashboard/format-figures';
import type { StatusRow } from '@/lib/dashboard/overview/prepare-status-breakdown';
import styles from './overview.module.css';

export function StatusBreakdownTable({ rows, view, captionId }: { rows: StatusRow[]; view: DashboardView; captionId: string }) {
  if (rows.length === 0) return <p className={styles.empty}>No calls in this range.</p>;
  return (
    <div className={`table-wrap ${styles.narrow}`}>
      <table className={styles.table} aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              Calls
            </th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.status} data-status={row.status}>
              <td className={`${styles.statusCell} status-${row.statusClass}`}>
                <Link href={`/requests${viewQuery(view, row.status === 'network' ? { class: 'network' } : { status: row.status })}`} className={`status-${row.statusClass}`}>
                  {row.status} {row.label}
                </Link>
              </td>
              <td className={styles.num}>{formatCount(row.count)}</td>
              <td>
                {row.shareText}
                <span className={`${styles.shareBar} status-${row.statusClass}`} style={{ width: `${Math.max(1, row.share * 120)}px` }} aria-hidden="true" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
