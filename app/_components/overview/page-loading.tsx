// The placeholder every dashboard page shows while its server data loads.
import styles from './overview.module.css';

export function PageLoading() {
  return (
    <div className={styles.loading} role="status" aria-live="polite">
      <p className="muted">Loading the data for this view…</p>
      <div className={styles.bar} style={{ width: '40%' }} aria-hidden="true" />
      <div className={`${styles.bar} ${styles.block}`} aria-hidden="true" />
      <div className={styles.bar} aria-hidden="true" />
      <div className={styles.bar} aria-hidden="true" />
    </div>
  );
}
