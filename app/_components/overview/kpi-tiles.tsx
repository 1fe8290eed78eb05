// The overview's headline figures, each with its change against the previous period. The
// status tiles link to the request explorer filtered by that status.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { Kpi } from '@/lib/dashboard/overview/compare-kpis';
import styles from './overview.module.css';

export function KpiTiles({ kpis, view }: { kpis: Kpi[]; view: DashboardView }) {
  return (
    <dl className={styles.kpis}>
      {kpis.map((kpi) => {
        const isStatus = /^\d{3}$/.test(kpi.id);
        return (
          <div className={`tile ${styles.kpi}`} key={kpi.id} data-kpi={kpi.id}>
            <dt>{kpi.label}</dt>
            <dd className={styles.kpiValue}>
              {isStatus ? (
                <Link href={`/requests${viewQuery(view, { status: kpi.id })}`} aria-label={`${kpi.value} calls with ${kpi.label}: show them`}>
                  {kpi.value}
                </Link>
              ) : (
                kpi.value
              )}
            </dd>
            <dd className={styles.kpiDetail}>{kpi.detail}</dd>
            <dd className={`${styles.change} ${styles[kpi.change.tone]}`}>
              <span aria-hidden="true">{kpi.change.text}</span>
              <span className={styles.srOnly}>{kpi.change.spoken}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
