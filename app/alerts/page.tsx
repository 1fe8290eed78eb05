// /alerts — the alerts firing now on top, then every rule with its condition in words, state
// counts, status, edit and delete (admins only), and its history of state changes and deliveries.
import Link from 'next/link';
import { FiringAlertsTable } from '@/app/_components/firing-alerts-table';
import { requireUser } from '@/lib/auth/current-user';
import { loadAlertsPage } from '@/lib/dashboard/alerts/load-alerts-page';
import { getDatabase } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import styles from './alerts.module.css';
import { RuleCard } from './rule-card';

export const dynamic = 'force-dynamic';

export default async function AlertsPage() {
  const user = await requireUser();
  const canEdit = user.role === 'admin';
  const data = await loadAlertsPage(getDatabase(), Date.now());
  return (
    <>
      <h1>Alerts</h1>
      <p className={styles.intro}>
        The server evaluates every enabled rule every {getEnv().FAULTLINE_ALERT_INTERVAL_SECONDS} s from the stored calls. Each alert
        notifies the rule's channels once when it starts firing and once when it resolves.
      </p>

      <section className={styles.section} aria-labelledby="firing-heading">
        <h2 id="firing-heading">Firing now</h2>
        {data.firing.length === 0 ? (
          <p className={styles.empty}>Nothing is firing.</p>
        ) : (
          <div className={`panel ${styles.firing}`}>
            <FiringAlertsTable rows={data.firing} labelledBy="firing-heading" />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="rules-heading">
        <div className={styles.sectionHead}>
          <h2 id="rules-heading">Rules</h2>
          {canEdit ? <Link href="/alerts/new">New rule</Link> : null}
        </div>
        {data.rules.length === 0 ? (
          <p className={styles.empty}>
            {canEdit ? (
              <>
                No rule yet. <Link href="/alerts/new">Create one</Link>, e.g. “429 rate &gt; 20% over 5 min, for 2 min, per key”.
              </>
            ) : (
              'No rule yet. An admin can create one.'
            )}
          </p>
        ) : (
          <ul className={styles.rules} aria-labelledby="rules-heading">
            {data.rules.map((rule) => (
              <RuleCard key={rule.id} rule={rule} canEdit={canEdit} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
