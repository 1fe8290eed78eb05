// One rule's history, folded away: its recent state changes and its delivery log (when, what,
// where to, with what outcome after how many attempts).
import type { AlertDeliveryView, AlertEventView } from '@/lib/alerts/list-alert-activity';
import type { AlertRuleDefinition } from '@/lib/alerts/schemas/alert-rule-request-schema';
import { formatAlertValue } from '@/lib/dashboard/alerts/describe-alert-rule';
import { historyLimit } from '@/lib/dashboard/alerts/load-alerts-page';
import { formatUtc } from '@/lib/dashboard/format-figures';
import styles from './alerts.module.css';

interface RuleHistoryProps {
  ruleId: string;
  metric: AlertRuleDefinition['metric'];
  events: AlertEventView[];
  deliveries: AlertDeliveryView[];
}

const stateText = (state: string) => state.replace('_', ' ');

export function RuleHistory({ ruleId, metric, events, deliveries }: RuleHistoryProps) {
  return (
    <details className={styles.history}>
      <summary>
        History: {events.length} state {events.length === 1 ? 'change' : 'changes'}, {deliveries.length}{' '}
        {deliveries.length === 1 ? 'delivery' : 'deliveries'}
        {events.length === historyLimit || deliveries.length === historyLimit ? ` (the latest ${historyLimit} of each)` : ''}
      </summary>
      <h4 id={`events-${ruleId}`}>State changes</h4>
      {events.length === 0 ? (
        <p className={styles.empty}>No state change yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby={`events-${ruleId}`}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Instance</th>
                <th scope="col">Change</th>
                <th scope="col">Value</th>
                <th scope="col">Threshold</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatUtc(Date.parse(e.at))}</time>
                  </td>
                  <td>{e.instanceLabel}</td>
                  <td>
                    {stateText(e.fromState)} → <strong>{stateText(e.toState)}</strong>
                  </td>
                  <td>{formatAlertValue(metric, e.value)}</td>
                  <td>{formatAlertValue(metric, e.threshold)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4 id={`deliveries-${ruleId}`}>Deliveries</h4>
      {deliveries.length === 0 ? (
        <p className={styles.empty}>No notification sent yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby={`deliveries-${ruleId}`}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Instance</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col" className={styles.numeric}>
                  Attempts
                </th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.createdAt}>{formatUtc(Date.parse(d.createdAt))}</time>
                  </td>
                  <td>{d.kind}</td>
                  <td>{d.instanceLabel}</td>
                  <td className="mono">{d.target}</td>
                  <td>
                    {d.status}
                    {d.lastHttpStatus !== null ? <span className="muted"> (HTTP {d.lastHttpStatus})</span> : null}
                    {d.status === 'pending' && d.nextAttemptAt ? (
                      <span className={styles.sub}>
                        next try <time dateTime={d.nextAttemptAt}>{formatUtc(Date.parse(d.nextAttemptAt))}</time>
                      </span>
                    ) : null}
                  </td>
                  <td className={styles.numeric}>{d.attempts}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
