// Shown when calls were stored, but none in the chosen range and filters: says so and
// offers longer ranges (and dropping the filters) instead of empty charts.
import Link from 'next/link';
import { type DashboardView, type RangePreset, rangeLabels, rangePresets, viewQuery } from '@/lib/dashboard/dashboard-view';
import styles from './overview.module.css';

export interface EmptyRangeNoticeProps {
  view: DashboardView;
  /** The page's own path, for the links. */
  path: string;
  /** Known on the overview, where calls were stored (else the panel would be the setup panel). */
  lastActivityAt?: string | null;
}

export function EmptyRangeNotice({ view, path, lastActivityAt }: EmptyRangeNoticeProps) {
  const span = view.toMs - view.fromMs;
  const longer = (Object.keys(rangePresets) as RangePreset[]).filter((r) => rangePresets[r] > span);
  const filtered = Object.values(view.filters).some((v) => v !== undefined);
  const label = view.range === 'custom' ? 'the chosen range' : `the ${rangeLabels[view.range].toLowerCase()}`;
  const sentences = [
    `${lastActivityAt === undefined ? 'No calls were made' : 'Calls were stored, but none were made'} in this range${filtered ? ' with these filters' : ''}.`,
    lastActivityAt ? `The latest ingest activity was at ${lastActivityAt.slice(0, 16).replace('T', ' ')} UTC.` : '',
    longer.length > 0 ? 'Try a longer range:' : '',
  ];
  return (
    <section className={`panel ${styles.notice}`} aria-labelledby="empty-range-heading">
      <h2 id="empty-range-heading">No calls in {label}</h2>
      <p>{sentences.filter(Boolean).join(' ')}</p>
      <div className={styles.rangeLinks}>
        {longer.map((r) => (
          <Link key={r} className="chip" href={`${path}${viewQuery(view, { range: r, from: undefined, to: undefined })}`}>
            Show the {rangeLabels[r].toLowerCase()}
          </Link>
        ))}
        {filtered && (
          <Link className="chip" href={`${path}${viewQuery(view, { service: undefined, environment: undefined, endpoint: undefined, key: undefined })}`}>
            Remove the filters
          </Link>
        )}
      </div>
    </section>
  );
}
