// / — ingest status and the last hour's calls by status, rendered on the server.
import { getIngestOverview } from '@/lib/overview/get-ingest-overview';

export const dynamic = 'force-dynamic';

const statusText: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '406': 'Not Acceptable',
  '409': 'Conflict',
  '422': 'Unprocessable Entity',
  '429': 'Too Many Requests',
  network: 'No response',
};

export default async function OverviewPage() {
  const { stats, summary, statusRows } = await getIngestOverview();
  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="ingest-heading">
        <h2 id="ingest-heading">Ingest</h2>
        <dl className="tiles">
          {(
            [
              ['Spans received', stats.received],
              ['Calls stored', stats.stored],
              ['Duplicates', stats.duplicates],
              ['Ignored (not HTTP client)', stats.ignored],
              ['Rejected spans', stats.rejected],
              ['Refused requests', stats.refusedRequests],
            ] as const
          ).map(([label, value]) => (
            <div className="tile" key={label}>
              <dt>{label}</dt>
              <dd>{value.toLocaleString('en-US')}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          {stats.lastActivityAt ? `Last activity ${stats.lastActivityAt}` : 'No spans received yet. Send OTLP/HTTP to '}
          {!stats.lastActivityAt && <code>/v1/traces</code>}
        </p>
        {stats.lastRejections.length > 0 && (
          <details>
            <summary>Recent rejections ({stats.lastRejections.length})</summary>
            <ul>
              {stats.lastRejections.map((r) => (
                <li key={`${r.at}-${r.reason}`}>
                  <time dateTime={r.at}>{r.at}</time>: {r.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Calls by status, last hour</h2>
        {summary.total === 0 ? (
          <p className="muted">No HTTP client calls in the last hour.</p>
        ) : (
          <table aria-describedby="status-heading">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Calls</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {statusRows.map((row) => (
                <tr key={row.status} data-status={row.status}>
                  <td className={`status-${row.statusClass}`}>
                    {row.status} {statusText[row.status] ?? ''}
                  </td>
                  <td>{row.count.toLocaleString('en-US')}</td>
                  <td>{(row.share * 100).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
