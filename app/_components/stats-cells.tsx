// The columns every endpoint and key table shares: calls, errors, error %, 401/403/429, with
// optional sort links on calls and errors (?order=total|errors) and an optional failures
// sparkline (the overview's tables have one; the endpoint and key pages' tables do not).
import Link from 'next/link';
import { SparklineSvg } from '@/app/_components/sparkline';
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import { statusStyle } from '@/lib/dashboard/status-style';
import type { StatsOrder } from '@/lib/db/queries/list-endpoint-stats';
import styles from './stats-cells.module.css';

export interface StatsSort {
  order: StatsOrder;
  /** Link to the same page sorted by each order. */
  hrefs: Record<StatsOrder, string>;
}

export interface StatsCounts {
  total: number;
  errors: number;
  unauthorized: number;
  forbidden: number;
  rateLimited: number;
}

export interface StatsHeadingsProps {
  sort?: StatsSort;
  /** The errors column's heading; the detail pages say "Failed", as their figures do. */
  errorsLabel?: string;
  /** Adds the "Failures" column for StatsCells' sparkline. */
  sparkline?: boolean;
}

export interface FailureSparkline {
  /** Failed calls per chart bucket; null where there were no calls. */
  failures: (number | null)[];
  /** The chart step in words ("5 minutes") and what the row is, for the sparkline's label. */
  stepText: string;
  name: string;
}

const sparklineColor = statusStyle('5xx').color;

function SortHeading({ order, label, sort }: { order: StatsOrder; label: string; sort?: StatsSort }) {
  if (!sort) {
    return (
      <th scope="col" className={styles.num}>
        {label}
      </th>
    );
  }
  const active = sort.order === order;
  return (
    <th scope="col" className={styles.num} aria-sort={active ? 'descending' : 'none'}>
      <Link href={sort.hrefs[order]} className={styles.sortLink} aria-current={active ? 'true' : undefined}>
        {label}
        <span aria-hidden="true">{active ? ' ▼' : ' ↕'}</span>
        <span className={styles.srOnly}>{active ? ' (sorted, most first)' : ' (sort by this, most first)'}</span>
      </Link>
    </th>
  );
}

export function StatsHeadings({ sort, errorsLabel = 'Errors', sparkline = false }: StatsHeadingsProps) {
  return (
    <>
      <SortHeading order="total" label="Calls" sort={sort} />
      <SortHeading order="errors" label={errorsLabel} sort={sort} />
      <th scope="col" className={styles.num}>
        Error %
      </th>
      <th scope="col" className={styles.num}>
        <abbr title="401 Unauthorized">401</abbr>
      </th>
      <th scope="col" className={styles.num}>
        <abbr title="403 Forbidden">403</abbr>
      </th>
      <th scope="col" className={styles.num}>
        <abbr title="429 Too Many Requests">429</abbr>
      </th>
      {sparkline ? <th scope="col">Failures</th> : null}
    </>
  );
}

export function StatsCells({ stats, sparkline }: { stats: StatsCounts; sparkline?: FailureSparkline }) {
  return (
    <>
      <td className={styles.num}>{formatCount(stats.total)}</td>
      <td className={styles.num}>{formatCount(stats.errors)}</td>
      <td className={styles.num}>{formatShare(stats.errors, stats.total)}</td>
      <td className={styles.num}>{formatCount(stats.unauthorized)}</td>
      <td className={styles.num}>{formatCount(stats.forbidden)}</td>
      <td className={styles.num}>{formatCount(stats.rateLimited)}</td>
      {sparkline ? (
        <td className={styles.spark}>
          <SparklineSvg
            values={sparkline.failures}
            color={sparklineColor}
            label={`Failed calls per ${sparkline.stepText} for ${sparkline.name}`}
          />
        </td>
      ) : null}
    </>
  );
}
