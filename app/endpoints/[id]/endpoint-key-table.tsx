// The API keys that called the endpoint and how each fared, linking to each key's page.
import Link from 'next/link';
import { StatsCells, StatsHeadings } from '@/app/_components/stats-cells';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { keyDisplayName } from '@/lib/dashboard/key-display-name';
import type { KeyStats } from '@/lib/db/queries/list-key-stats';
import styles from './endpoint.module.css';

export function EndpointKeyTable({ keys, view }: { keys: KeyStats[]; view: DashboardView }) {
  if (keys.length === 0) return <p className="muted">No calls in this range.</p>;
  return (
    <div className="table-wrap">
      <table aria-labelledby="keys-heading">
        <thead>
          <tr>
            <th scope="col">API key</th>
            <th scope="col">Environment</th>
            <StatsHeadings errorsLabel="Failed" />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.fingerprint}>
              <td>
                {k.fingerprint === '' ? (
                  <span className="muted">No key sent</span>
                ) : (
                  <Link href={`/keys/${encodeURIComponent(k.fingerprint)}${viewQuery(view)}`}>{keyDisplayName(k)}</Link>
                )}
                {k.label ? <span className={`mono ${styles.fingerprint}`}>{k.fingerprint}</span> : null}
              </td>
              <td>{k.environment ?? <span className="muted">—</span>}</td>
              <StatsCells stats={k} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
