// One line on what the receiver has taken in since the database was created, with the
// latest rejections on demand.
import { formatCount } from '@/lib/dashboard/format-figures';
import type { IngestStats } from '@/lib/db/queries/get-ingest-stats';
import styles from './overview.module.css';

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function IngestStatus({ stats }: { stats: IngestStats }) {
  const figures: [string, number][] = [
    ['Spans received', stats.received],
    ['Calls stored', stats.stored],
    ['Duplicates', stats.duplicates],
    ['Ignored (not HTTP client)', stats.ignored],
    ['Rejected spans', stats.rejected],
    ['Refused requests', stats.refusedRequests],
  ];
  return (
    <div>
      <dl className={styles.ingest}>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
        <div>
          <dt>Last activity</dt>
          <dd>{stats.lastActivityAt ? <time dateTime={stats.lastActivityAt}>{utc(stats.lastActivityAt)}</time> : 'never'}</dd>
        </div>
      </dl>
      {stats.lastRejections.length > 0 && (
        <details className={styles.ingestDetails}>
          <summary>Recent rejections ({stats.lastRejections.length})</summary>
          <ul>
            {stats.lastRejections.map((r) => (
              <li key={`${r.at}-${r.reason}`}>
                <time dateTime={r.at}>{utc(r.at)}</time>: {r.reason} ({r.spans} span{r.spans === 1 ? '' : 's'})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
