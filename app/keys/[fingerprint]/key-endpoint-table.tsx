// The endpoints a key called in the range and their error rates, linking to each endpoint's page.
import Link from 'next/link';
import { StatsCells, StatsHeadings } from '@/app/_components/stats-cells';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { EndpointStats } from '@/lib/db/queries/list-endpoint-stats';
import styles from './key.module.css';

export function KeyEndpointTable({ endpoints, view }: { endpoints: EndpointStats[]; view: DashboardView }) {
  if (endpoints.length === 0) return <p className="muted">No calls with this key in this range.</p>;
  return (
    <div className="table-wrap">
      <table aria-labelledby="key-endpoints-heading">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <StatsHeadings errorsLabel="Failed" />
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={e.endpointId}>
              <td>
                <Link href={`/endpoints/${encodeURIComponent(e.endpointId)}${viewQuery(view)}`}>
                  <span className="badge mono">{e.method}</span> <span className="mono">{e.route}</span>
                </Link>
                <span className={styles.host}>{e.host}</span>
              </td>
              <StatsCells stats={e} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
