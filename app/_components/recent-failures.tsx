// The most recent failing calls of a view pinned to an endpoint or a key: what each call got
// back and its captured error body, each linking to the request explorer's detail drawer.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatUtc } from '@/lib/dashboard/format-figures';
import { keyDisplayName } from '@/lib/dashboard/key-display-name';
import { statusClassOf, statusLabel } from '@/lib/dashboard/status-style';
import { getDatabase } from '@/lib/db/client';
import { listRequests, type StoredRequest } from '@/lib/db/queries/list-requests';
import styles from './recent-failures.module.css';

export interface RecentFailuresProps {
  view: DashboardView;
  /** The page's own endpoint or key; it narrows the list and the explorer links. */
  pin: { endpoint?: string; key?: string };
  /** The section heading's id (one per page). */
  headingId?: string;
}

const limit = 20;
const previewChars = 90;

function statusText(r: StoredRequest): string {
  return r.statusCode === 0 ? statusLabel('network') : `${r.statusCode} ${statusLabel(String(r.statusCode))}`;
}

// A short one-line body is shown as it is; longer ones open from a one-line preview.
function isShort(body: string): boolean {
  return body.length <= previewChars && !/[\r\n]/.test(body);
}

function bodyPreview(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  return oneLine.length > previewChars ? `${oneLine.slice(0, previewChars)}…` : oneLine;
}

export async function RecentFailures({ view, pin, headingId = 'recent-failures-heading' }: RecentFailuresProps) {
  const { requests, nextCursor } = await listRequests(
    getDatabase(),
    { fromMs: view.fromMs, toMs: view.toMs, ...view.filters, ...pin, failedOnly: true },
    { limit },
  );
  // The explorer opens on the same calls: this view, the pinned endpoint or key, failures only.
  const explorer = (changes: Record<string, string> = {}) => `/requests${viewQuery(view, { ...pin, failed: 'true', ...changes })}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Most recent failing requests</h2>
      {requests.length === 0 ? (
        <p className="muted">No failing calls in this range.</p>
      ) : (
        <div className="table-wrap">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Service</th>
                {pin.endpoint === undefined ? <th scope="col">Endpoint</th> : null}
                <th scope="col">Key</th>
                <th scope="col">Status</th>
                <th scope="col">Error key</th>
                <th scope="col">Trace id</th>
                <th scope="col">Error body</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td className={styles.time}>
                    <Link href={explorer({ request: String(r.id) })} aria-label={`Request ${r.id} at ${formatUtc(r.startMs)}: open its details`}>
                      <time dateTime={new Date(r.startMs).toISOString()}>{formatUtc(r.startMs).slice(0, 19)}</time>
                    </Link>
                  </td>
                  <td>{r.service}</td>
                  {pin.endpoint === undefined ? (
                    <td>
                      <Link href={`/endpoints/${encodeURIComponent(r.endpointId)}${viewQuery(view)}`}>
                        {r.method} {r.host}
                        {r.route}
                      </Link>
                    </td>
                  ) : null}
                  <td title={r.apiKeyFingerprint ? `fingerprint ${r.apiKeyFingerprint}` : undefined}>
                    {keyDisplayName({ fingerprint: r.apiKeyFingerprint, label: r.apiKeyLabel })}
                  </td>
                  <td className={styles.status}>
                    <span className={`badge status-${statusClassOf(String(r.statusCode))}`}>{statusText(r)}</span>
                  </td>
                  <td className={styles.errorKey}>{r.errorKey ?? r.errorType ?? '—'}</td>
                  <td>
                    <span className={`mono ${styles.trace}`}>{r.traceId}</span>
                  </td>
                  <td className={styles.body}>
                    {r.errorBody && isShort(r.errorBody) ? (
                      <code className={`mono ${styles.short}`}>{r.errorBody}</code>
                    ) : r.errorBody ? (
                      <details>
                        <summary className="mono">{bodyPreview(r.errorBody)}</summary>
                        <pre className={`mono ${styles.pre}`}>{r.errorBody}</pre>
                      </details>
                    ) : (
                      <span className="muted">none captured</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        {nextCursor ? `The ${limit} most recent failures. ` : null}
        <Link href={explorer()}>All failing requests in the request explorer</Link>
      </p>
    </section>
  );
}
