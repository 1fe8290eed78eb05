// The detail drawer (?request=<id>): every stored attribute of one call, read by id so it opens
// from any page's link, with a close link back to the same URL without `request`.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { RequestExplorerQuery } from '@/lib/dashboard/requests/parse-request-explorer-query';
import { type DetailField, prepareRequestDetail } from '@/lib/dashboard/requests/prepare-request-detail';
import { requestExplorerHref } from '@/lib/dashboard/requests/request-explorer-href';
import type { StoredRequest } from '@/lib/db/queries/stored-request';
import { DrawerKeyboard } from './drawer-keyboard';
import styles from './requests.module.css';

interface RequestDrawerProps {
  view: DashboardView;
  query: RequestExplorerQuery;
  detail: StoredRequest | null;
}

const titleId = 'request-drawer-title';

function FieldValue({ field, view }: { field: DetailField; view: DashboardView }) {
  if (Array.isArray(field.value)) {
    return (
      <ul className={styles.keyList}>
        {field.value.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
    );
  }
  const className = field.mono ? 'mono' : undefined;
  if (!field.href) return <span className={className}>{field.value}</span>;
  const strip = field.href.startsWith('/keys/') ? { key: undefined } : { endpoint: undefined };
  return (
    <Link href={`${field.href}${viewQuery(view, strip)}`} className={className}>
      {field.value}
    </Link>
  );
}

export function RequestDrawer({ view, query, detail }: RequestDrawerProps) {
  const closeHref = requestExplorerHref(view, query.params, { request: undefined });
  const prepared = detail ? prepareRequestDetail(detail) : null;
  return (
    <aside role="dialog" aria-modal="false" aria-labelledby={titleId} className={styles.drawer}>
      <div className={styles.drawerHead}>
        <h2 id={titleId} tabIndex={-1}>
          {detail ? `Call ${detail.id}` : 'Call details'}
        </h2>
        <Link href={closeHref} scroll={false} className="chip">
          Close <span aria-hidden="true">×</span>
        </Link>
      </div>
      {query.requestProblem ? (
        <p className="notice" role="status">
          {query.requestProblem}
        </p>
      ) : null}
      {!query.requestProblem && !prepared ? (
        <p className="notice" role="status">
          No stored call has id {query.requestId}. The link may be wrong, or the call was removed.
        </p>
      ) : null}
      {prepared ? (
        <>
          <p>
            <span className={`badge status-${prepared.statusClass}`}>{prepared.title}</span>
          </p>
          {prepared.sections.map((section) => (
            <section key={section.title} aria-label={section.title}>
              <h3>{section.title}</h3>
              <dl className={styles.fields}>
                {section.fields.map((field) => (
                  <div key={field.term}>
                    <dt>{field.term}</dt>
                    <dd>
                      <FieldValue field={field} view={view} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section aria-label="Error body">
            <h3>Error body {prepared.errorBody?.json ? <span className="muted">(JSON, indented)</span> : null}</h3>
            {prepared.errorBody ? (
              <pre className={styles.body}>{prepared.errorBody.text}</pre>
            ) : (
              <p className="muted">No error body was captured for this call.</p>
            )}
          </section>
        </>
      ) : null}
      <DrawerKeyboard key={query.params.request ?? 'none'} focusId={titleId} closeHref={closeHref} />
    </aside>
  );
}
