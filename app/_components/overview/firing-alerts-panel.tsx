// The overview's "Firing alerts" panel: shown only while some alert fires, linking to /alerts.
import Link from 'next/link';
import { FiringAlertsTable } from '@/app/_components/firing-alerts-table';
import type { FiringAlertRow } from '@/lib/dashboard/alerts/prepare-alerts-page';
import styles from './overview.module.css';

export function FiringAlertsPanel({ rows, more }: { rows: FiringAlertRow[]; more: boolean }) {
  if (rows.length === 0) return null;
  return (
    <section className={`panel ${styles.section} ${styles.firingPanel}`} aria-labelledby="firing-alerts-heading">
      <div className={styles.sectionHead}>
        <h2 id="firing-alerts-heading">Firing alerts</h2>
        <Link href="/alerts">{more ? 'All firing alerts and rules' : 'Alerts and rules'}</Link>
      </div>
      <FiringAlertsTable rows={rows} labelledBy="firing-alerts-heading" />
    </section>
  );
}
