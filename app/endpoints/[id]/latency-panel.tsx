// The endpoint's latency: p50/p95 named by their histogram bucket, the mean from the summed
// durations, and the distribution over the buckets (bars are decoration; the numbers carry it).
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import { formatLatencyRange, formatMs, type LatencySummary } from '@/lib/dashboard/endpoint/summarize-latency';
import styles from './endpoint.module.css';

export function LatencyPanel({ latency }: { latency: LatencySummary }) {
  if (latency.calls === 0) return <p className="muted">No calls in this range.</p>;
  const widest = Math.max(...latency.buckets.map((b) => b.share));
  return (
    <>
      <dl className={styles.latencyFigures}>
        <div>
          <dt>p50</dt>
          <dd>{formatLatencyRange(latency.p50)}</dd>
        </div>
        <div>
          <dt>p95</dt>
          <dd>{formatLatencyRange(latency.p95)}</dd>
        </div>
        <div>
          <dt>Mean</dt>
          <dd>{latency.meanMs === null ? '—' : formatMs(latency.meanMs)}</dd>
        </div>
        <div>
          <dt>Slowest</dt>
          <dd>{latency.maxMs === null ? '—' : formatMs(latency.maxMs)}</dd>
        </div>
      </dl>
      <table aria-label="Calls per latency bucket">
        <thead>
          <tr>
            <th scope="col">Duration</th>
            <th scope="col" className={styles.numeric}>
              Calls
            </th>
            <th scope="col" className={styles.numeric}>
              Share
            </th>
            <th scope="col" className={styles.barCell}>
              <span className="muted">Distribution</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {latency.buckets.map((b) => (
            <tr key={b.range.gtMs}>
              <td>{formatLatencyRange(b.range)}</td>
              <td className={styles.numeric}>{formatCount(b.count)}</td>
              <td className={styles.numeric}>{formatShare(b.count, latency.calls)}</td>
              <td className={styles.barCell} aria-hidden="true">
                {b.count > 0 ? <div className={styles.bar} style={{ width: `${(b.share / widest) * 100}%` }} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.caption}>
        Durations are kept as histogram buckets, so percentiles name the bucket they fall in; the mean and slowest call are exact.
      </p>
    </>
  );
}
