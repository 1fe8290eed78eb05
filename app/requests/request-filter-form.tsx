// The explorer's own filters (status, class, error key, failed only) as a plain GET form that
// keeps the view, plus the active ones as removable chips and notices for ignored values.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { requestFilterChips } from '@/lib/dashboard/requests/describe-request-filters';
import type { RequestExplorerQuery } from '@/lib/dashboard/requests/parse-request-explorer-query';
import { requestExplorerHref } from '@/lib/dashboard/requests/request-explorer-href';
import { statusLabel } from '@/lib/dashboard/status-style';
import styles from './requests.module.css';

// 1xx calls are rare enough that the picker leaves them to the API.
const classChoices = ['2xx', '3xx', '4xx', '5xx', 'network'];
const commonStatuses = ['401', '403', '429', '401,403,429', '400', '404', '409', '422', '500', '502', '503', '0'];

const optionLabel = (codes: string) =>
  codes
    .split(',')
    .map((c) => (c === '0' ? 'No response' : `${c} ${statusLabel(c)}`))
    .join(', ');

export function RequestFilterForm({ view, query }: { view: DashboardView; query: RequestExplorerQuery }) {
  // The view's own parameters ride along as hidden fields, so filtering keeps range and filters.
  const kept = [...new URLSearchParams(viewQuery(view)).entries()];
  const chips = requestFilterChips(query);
  const clearAll = { status: undefined, class: undefined, errorKey: undefined, failed: undefined, cursor: undefined };
  return (
    <section aria-label="Call filters" className={styles.filters}>
      <form method="get" action="/requests" className={styles.filterForm}>
        {kept.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label>
          <span>Status codes</span>
          <input
            name="status"
            list="request-status-codes"
            defaultValue={query.params.status ?? ''}
            placeholder="e.g. 429 or 401,403"
            inputMode="numeric"
            size={14}
            aria-describedby="request-status-hint"
          />
        </label>
        <datalist id="request-status-codes">
          {commonStatuses.map((codes) => (
            <option key={codes} value={codes} label={optionLabel(codes)} />
          ))}
        </datalist>
        <label>
          <span>Class</span>
          <select name="class" defaultValue={query.params.class ?? ''}>
            <option value="">Any class</option>
            {classChoices.map((c) => (
              <option key={c} value={c}>
                {c === 'network' ? 'network (no response)' : `${c} (${statusLabel(c)})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Error key</span>
          <input name="errorKey" defaultValue={query.params.errorKey ?? ''} placeholder="e.g. Too many requests" size={22} />
        </label>
        <label className={styles.checkbox}>
          <input type="checkbox" name="failed" value="true" defaultChecked={query.failedOnly === true} />
          <span>Failed calls only</span>
        </label>
        <button type="submit">Apply filters</button>
        <p id="request-status-hint" className={`muted ${styles.hint}`}>
          Status: one code or a comma list; 0 means no response.
        </p>
      </form>
      {chips.length > 0 ? (
        <ul className={styles.chips} aria-label="Active call filters">
          {chips.map((chip) => (
            <li key={chip.name} className="chip">
              {chip.text}
              <Link
                href={requestExplorerHref(view, query.params, { [chip.name]: undefined, cursor: undefined })}
                className="chip-remove"
                aria-label={`Remove the filter ${chip.text}`}
              >
                ×
              </Link>
            </li>
          ))}
          {chips.length > 1 ? (
            <li>
              <Link href={requestExplorerHref(view, query.params, clearAll)}>Clear all</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {query.problems.map((p) => (
        <p key={p} role="status" className="notice">
          {p}
        </p>
      ))}
    </section>
  );
}
