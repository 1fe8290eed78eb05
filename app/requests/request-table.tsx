// One page of calls, newest first, with links to each call's endpoint, key and details, and the
// cursor pager ("Newest" / "Older →"). An empty page explains which filters emptied it.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { emptyRequestsMessage } from '@/lib/dashboard/requests/describe-request-filters';
import type { RequestExplorerQuery } from '@/lib/dashboard/requests/parse-request-explorer-query';
import { prepareRequestRow } from '@/lib/dashboard/requests/prepare-request-row';
import { encodeRequestCursor } from '@/lib/dashboard/requests/request-cursor';
import { requestExplorerHref } from '@/lib/dashboard/requests/request-explorer-href';
import type { RequestPage } from '@/lib/db/queries/list-requests';
import styles from './requests.module.css';

interface RequestTableProps {
  view: DashboardView;
  query: RequestExplorerQuery;
  page: RequestPage;
}

export function RequestTable({ view, query, page }: RequestTableProps) {
  const rows = page.requests.map(prepareRequestRow);
  const href = (changes: Parameters<typeof requestExplorerHref>[2]) => requestExplorerHref(view, query.params, changes);
  const endpointQuery = viewQuery(view, { endpoint: undefined });
  const keyQuery = viewQuery(view, { key: undefined });
  return (
    <section aria-labelledby="calls-heading">
      <h2 id="calls-heading">
        Calls <span className="muted">{query.cursor ? '(older page, newest first)' : '(newest first)'}</span>
      </h2>
      {rows.length === 0 ? (
        <div className={`panel ${styles.empty}`} role="status">
          <p>{emptyRequestsMessage(view, query)}</p>
          {query.cursor ? <Link href={href({ cursor: undefined })}>Back to the newest calls</Link> : null}
        </div>
      ) : (
        <div className="table-wrap">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Service</th>
                <th scope="col">Endpoint</th>
                <th scope="col">Status</th>
                <th scope="col">Error key</th>
                <th scope="col">API key</th>
                <th scope="col" className={styles.number}>
                  Duration
                </th>
                <th scope="col" className={styles.number}>
                  Resends
                </th>
                <th scope="col">
                  <span className={styles.visuallyHidden}>Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} aria-current={query.requestId === row.id ? 'true' : undefined} className={styles.row}>
                  <td className="mono">
                    <time dateTime={row.startIso}>{row.startText}</time>
                  </td>
                  <td>{row.service || <span className="muted">(none)</span>}</td>
                  <td className={styles.endpoint}>
                    <Link href={`/endpoints/${encodeURIComponent(row.endpointId)}${endpointQuery}`}>{row.endpointText}</Link>
                  </td>
                  <td>
                    <span className={`badge status-${row.statusClass}`}>{row.statusText}</span>
                  </td>
                  <td className={styles.errorKey}>
                    {row.errorKey ?? <span className="muted">—</span>}
                    {row.moreErrorKeys > 0 ? <span className="muted"> +{row.moreErrorKeys} more</span> : null}
                  </td>
                  <td>
                    {row.keyFingerprint === '' ? (
                      <span className="muted">{row.keyText}</span>
                    ) : (
                      <Link href={`/keys/${encodeURIComponent(row.keyFingerprint)}${keyQuery}`}
                        className={row.keyText === row.keyFingerprint ? 'mono' : undefined}
                        title={row.keyFingerprint}
                      >
                        {row.keyText}
                      </Link>
                    )}
                  </td>
                  <td className={styles.number}>{row.durationText}</td>
                  <td className={styles.number}>{row.resendText}</td>
                  <td>
                    <Link href={href({ request: String(row.id) })} scroll={false} aria-label={`Details of call ${row.id}`}>
                      Details
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages of calls" className={styles.pager}>
        {query.cursor ? <Link href={href({ cursor: undefined, request: undefined })}>« Newest</Link> : <span className="muted">Newest page</span>}
        {page.nextCursor ? (
          <Link href={href({ cursor: encodeRequestCursor(page.nextCursor), request: undefined })} rel="next">
            Older →
          </Link>
        ) : rows.length > 0 ? (
          <span className="muted">No older calls in this range</span>
        ) : null}
      </nav>
    </section>
  );
}
