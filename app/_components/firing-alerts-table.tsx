// The alerts firing now, one row per instance: the rule, what fires (key, endpoint or the
// rule's scope, linking to its page over the episode), value against threshold, since when.
// Shown on /alerts and, when something fires, on the overview.
import Link from 'next/link';
import type { FiringAlertRow } from '@/lib/dashboard/alerts/prepare-alerts-page';
import { formatUtc } from '@/lib/dashboard/format-figures';

const kindText = { key: 'API key', endpoint: 'Endpoint', scope: 'Scope' } as const;

export function FiringAlertsTable({ rows, labelledBy }: { rows: FiringAlertRow[]; labelledBy: string }) {
  return (
    <div className="table-wrap">
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Firing for</th>
            <th scope="col">Value vs threshold</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.ruleId}:${row.href}`}>
              <td>
                <Link href={`/alerts#rule-${row.ruleId}`}>{row.ruleName}</Link>{' '}
                <span className="badge status-5xx">FIRING</span> <span className="muted">{row.severity}</span>
              </td>
              <td>
                <span className="muted">{kindText[row.instanceKind]}</span>{' '}
                <Link href={row.href} className={row.instanceKind === 'scope' ? undefined : 'mono'}>
                  {row.instanceLabel}
                </Link>
              </td>
              <td>{row.valueText}</td>
              <td>
                {row.since ? (
                  <>
                    <time dateTime={row.since}>{formatUtc(Date.parse(row.since))}</time>
                    {row.duration ? <span className="muted"> ({row.duration})</span> : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
