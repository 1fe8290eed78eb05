// A table of endpoints (method, route, host) with their stats and failure sparklines, each
// linking to its endpoint page with the same view.
import Link from 'next/link';
import { StatsCells, StatsHeadings, type StatsSort } from '@/app/_components/stats-cells';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatStep } from '@/lib/dashboard/overview/format-step';
import type { StatsRow } from '@/lib/dashboard/overview/load-endpoint-rows';
import type { EndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import styles from './overview.module.css';

export interface EndpointStatsTableProps {
  rows: StatsRow<EndpointStats>[];
  view: DashboardView;
  /** id of the heading naming the table. */
  labelledBy: string;
  sort?: StatsSort;
}

export function EndpointStatsTable({ rows, view, labelledBy, sort }: EndpointStatsTableProps) {
  const stepText = formatStep(view.stepSeconds);
  return (
    <div className="table-wrap">
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <StatsHeadings sort={sort} sparkline />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const e = row.stats;
            const name = `${e.method} ${e.route}`;
            return (
              <tr key={e.endpointId} data-endpoint={e.endpointId}>
                <td className={styles.wrap}>
                  <Link href={`/endpoints/${encodeURIComponent(e.endpointId)}${viewQuery(view)}`} className={styles.endpoint}>
                    <span className="badge mono">{e.method}</span>
                    <span className="mono">{e.route}</span>
                  </Link>
                  <span className={styles.host}>{e.host}</span>
                </td>
                <StatsCells stats={row.stats} sparkline={{ failures: row.failures, stepText, name }} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
