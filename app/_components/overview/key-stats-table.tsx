// A table of API keys (by fingerprint, never the key) with their stats and failure
// sparklines, each linking to its key page with the same view. Calls without a key are one
// row, "(no key)", with no page of its own.
import Link from 'next/link';
import { StatsCells, StatsHeadings, type StatsSort } from '@/app/_components/stats-cells';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatStep } from '@/lib/dashboard/overview/format-step';
import type { StatsRow } from '@/lib/dashboard/overview/load-endpoint-rows';
import type { KeyStats } from '@/lib/db/queries/list-key-stats';
import styles from './overview.module.css';

export interface KeyStatsTableProps {
  rows: StatsRow<KeyStats>[];
  view: DashboardView;
  labelledBy: string;
  sort?: StatsSort;
  /** Label and environment in columns of their own (the keys page); else the label names the key. */
  detailColumns?: boolean;
}

function keyName(k: KeyStats, preferLabel: boolean): { text: string; mono: boolean } {
  if (k.fingerprint === '') return { text: '(no key)', mono: false };
  if (preferLabel && k.label) return { text: k.label, mono: false };
  return { text: k.fingerprint, mono: true };
}

export function KeyStatsTable({ rows, view, labelledBy, sort, detailColumns = false }: KeyStatsTableProps) {
  const stepText = formatStep(view.stepSeconds);
  return (
    <div className="table-wrap">
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">API key</th>
            {detailColumns && <th scope="col">Label</th>}
            {detailColumns && <th scope="col">Environment</th>}
            <StatsHeadings sort={sort} sparkline />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const k = row.stats;
            const name = keyName(k, !detailColumns);
            const text = <span className={name.mono ? 'mono' : undefined}>{name.text}</span>;
            return (
              <tr key={k.fingerprint} data-key={k.fingerprint}>
                <td>
                  {k.fingerprint === '' ? (
                    <span className="muted" title="Calls that carried no API key fingerprint">
                      {text}
                    </span>
                  ) : (
                    <Link href={`/keys/${encodeURIComponent(k.fingerprint)}${viewQuery(view)}`} title={k.fingerprint}>
                      {text}
                    </Link>
                  )}
                </td>
                {detailColumns && <td className={styles.wrap}>{k.label ?? <span className="muted">—</span>}</td>}
                {detailColumns && <td>{k.environment ?? <span className="muted">—</span>}</td>}
                <StatsCells stats={row.stats} sparkline={{ failures: row.failures, stepText, name: name.text }} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
